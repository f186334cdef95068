namespace ImpactEval.Collection.Tests;

/// <summary>A clock stopped at noon (Paris) on a given day.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
}
