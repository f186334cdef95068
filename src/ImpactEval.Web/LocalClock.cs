using Microsoft.Extensions.Options;

namespace ImpactEval.Web;

/// <summary>"Today" and local times in the time zone of <see cref="WebOptions.TimeZone"/>: what due dates and overdue lists are about.</summary>
public sealed class LocalClock(TimeProvider time, IOptions<WebOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The local date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The local time.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);

    /// <summary>The current UTC time (what the store records).</summary>
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>A stored UTC time shown in local time, "05/01/2026 10:00".</summary>
    public string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
