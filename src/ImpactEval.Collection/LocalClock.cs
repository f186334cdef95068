using System.Globalization;

namespace ImpactEval.Collection;

/// <summary>
/// The service's one local clock: a time zone (the worker's <c>Worker:TimeZone</c>, Europe/Paris by default) over the
/// process's <see cref="TimeProvider"/>. Cron expressions, campaign dates, due dates and overdue lists, and every date
/// a French user reads (pages, notifications, summaries) go through it; nothing else names a time zone.
/// </summary>
/// <param name="clock">The time source (the system's, or a fake one in tests).</param>
/// <param name="zone">The local time zone.</param>
public sealed class LocalClock(TimeProvider clock, TimeZoneInfo zone)
{
    /// <summary>The time zone.</summary>
    public TimeZoneInfo Zone => zone;

    /// <summary>The current instant (UTC).</summary>
    public DateTimeOffset UtcNow => clock.GetUtcNow();

    /// <summary>The current local time.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);

    /// <summary>Today's date in the zone (campaign and due dates are days in the cité's time zone, not UTC instants).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The local time of a UTC instant (a stored date, whatever its <see cref="DateTime.Kind"/> says).</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"dd/MM/yyyy HH:mm" in the zone, as French users write dates: a stored UTC time shown in local time.</summary>
    public string Format(DateTime utc) => Local(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
