using ImpactEval.Core.Model;

namespace ImpactEval.Core.Loading;

/// <summary>How serious a protocol problem is.</summary>
public enum Severity
{
    /// <summary>The protocol cannot be used (never registered).</summary>
    Error,
    /// <summary>The protocol can be used but something deserves attention.</summary>
    Warning,
}

/// <summary>One problem found in a protocol file, placed in the file, in French, with a hint.</summary>
/// <param name="File">The file name as given by the user.</param>
/// <param name="At">Line and column.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong, in French.</param>
/// <param name="Hint">How to fix it, in French; null when the message says it all.</param>
public sealed record ProtocolProblem(string File, SourcePosition At, Severity Severity, string Message, string? Hint)
{
    /// <summary>Compiler-style line: <c>file:line:column: erreur : message (conseil : hint)</c>.</summary>
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "erreur" : "avertissement";
        var hint = Hint is null ? "" : $" Conseil : {Hint}";
        return $"{File}:{At.Line}:{At.Column}: {kind} : {Message}{hint}";
    }
}
