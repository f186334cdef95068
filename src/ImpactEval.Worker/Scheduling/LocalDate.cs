namespace ImpactEval.Worker.Scheduling;

/// <summary>The local date campaigns are judged on (their dates are days in the cité's time zone, not UTC instants).</summary>
public static class LocalDate
{
    /// <summary>Today in <paramref name="timeZoneId"/> (e.g. "Europe/Paris").</summary>
    public static DateOnly Today(TimeProvider clock, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);
}
