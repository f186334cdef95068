namespace ImpactEval.Cli.Commands;

/// <summary>The French text of an exception as the user reads it.</summary>
public static class ErrorText
{
    /// <summary>
    /// The exception's message without what .NET appends for developers: an <see cref="ArgumentException"/> ends its
    /// message with " (Parameter 'name')", which would follow a French sentence on the user's screen.
    /// </summary>
    /// <param name="exception">The exception.</param>
    public static string Of(Exception exception)
    {
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { } name })
        {
            var suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal)) return message[..^suffix.Length];
        }
        return message;
    }
}
