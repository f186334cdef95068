using Cronos;

namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// The cron expressions of the settings, read as Hangfire reads them: 5 fields (minute hour day month weekday), or 6
/// with seconds first; "?", "L", "W" and "#" allowed (Cronos).
/// </summary>
public static class CronSchedule
{
    /// <summary>Whether Hangfire accepts <paramref name="expression"/>.</summary>
    public static bool IsValid(string? expression) => Parse(expression) is not null;

    /// <summary>The next occurrence strictly after <paramref name="after"/> in <paramref name="zone"/>, or null (invalid, or never).</summary>
    /// <param name="expression">The cron expression.</param>
    /// <param name="after">The instant to start from.</param>
    /// <param name="zone">The time zone the expression is written in.</param>
    public static DateTimeOffset? Next(string expression, DateTimeOffset after, TimeZoneInfo zone) =>
        Parse(expression)?.GetNextOccurrence(after, zone);

    private static CronExpression? Parse(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return null;
        var fields = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6)) return null;
        return CronExpression.TryParse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard, out var cron) ? cron : null;
    }
}
