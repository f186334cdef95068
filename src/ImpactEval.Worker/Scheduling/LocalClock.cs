using System.Globalization;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// The worker's one local clock: the time zone of <see cref="WorkerOptions.TimeZone"/> (Europe/Paris by default) over
/// the process's <see cref="TimeProvider"/>. Cron expressions, campaign dates, and every date a French user reads
/// (notifications, summaries) go through it; nothing else in the worker names a time zone.
/// </summary>
public sealed class LocalClock(TimeProvider clock, IOptions<WorkerOptions> options)
{
    private readonly Lazy<TimeZoneInfo> zone = new(() => TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));

    /// <summary>The time zone.</summary>
    public TimeZoneInfo Zone => zone.Value;

    /// <summary>The current instant (UTC).</summary>
    public DateTimeOffset UtcNow => clock.GetUtcNow();

    /// <summary>Today's date in the zone (campaign dates are days in the cité's time zone, not UTC instants).</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The local time of a UTC instant (a stored date, whatever its <see cref="DateTime.Kind"/> says).</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"dd/MM/yyyy HH:mm" in the zone, as French users write dates.</summary>
    public string Format(DateTime utc) => Local(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
