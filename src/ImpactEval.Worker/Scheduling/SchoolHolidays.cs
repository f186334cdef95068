using Quartz.Impl.Calendar;

namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// French school holidays of metropolitan France by zone (A, B, C), as Quartz holiday calendars that reminder
/// triggers skip. A campaign reminder that would fall during the holidays is sent on a school day instead.
/// </summary>
/// <remarks>
/// Source: the national school calendar (arrêtés fixing the calendars 2024-2025 and 2025-2026, published on
/// education.gouv.fr). The official wording "du samedi X au lundi Y" means classes end on X and resume on the
/// morning of Y, so the excluded days run from X to Y − 1. The Ascension bridges (no class on the Friday) are
/// included. Later years are added here once their calendar is published; overseas academies and Corsica follow
/// their own calendars and are not covered.
/// </remarks>
public static class SchoolHolidays
{
    /// <summary>The calendar name a reminder trigger refers to for <paramref name="zone"/> ("vacances-zone-a").</summary>
    public static string CalendarName(char zone) => $"vacances-zone-{char.ToLowerInvariant(zone)}";

    /// <summary>The calendar name of reminders for territories without a zone: weekends only.</summary>
    public const string WeekendsCalendarName = "week-ends";

    /// <summary>The zones covered.</summary>
    public static IReadOnlyList<char> Zones { get; } = ['A', 'B', 'C'];

    /// <summary>Every holiday period: zone ('*' for all zones), first day off, first day of class again.</summary>
    public static IReadOnlyList<(char Zone, DateOnly From, DateOnly Resume)> Periods { get; } =
    [
        // 2024-2025
        ('*', new(2024, 10, 19), new(2024, 11, 4)),   // Toussaint
        ('*', new(2024, 12, 21), new(2025, 1, 6)),    // Noël
        ('A', new(2025, 2, 22), new(2025, 3, 10)),    // hiver
        ('B', new(2025, 2, 8), new(2025, 2, 24)),
        ('C', new(2025, 2, 15), new(2025, 3, 3)),
        ('A', new(2025, 4, 19), new(2025, 5, 5)),     // printemps
        ('B', new(2025, 4, 5), new(2025, 4, 22)),
        ('C', new(2025, 4, 12), new(2025, 4, 28)),
        ('*', new(2025, 5, 29), new(2025, 6, 2)),     // pont de l'Ascension
        ('*', new(2025, 7, 5), new(2025, 9, 1)),      // été
        // 2025-2026
        ('*', new(2025, 10, 18), new(2025, 11, 3)),   // Toussaint
        ('*', new(2025, 12, 20), new(2026, 1, 5)),    // Noël
        ('A', new(2026, 2, 7), new(2026, 2, 23)),     // hiver
        ('B', new(2026, 2, 14), new(2026, 3, 2)),
        ('C', new(2026, 2, 21), new(2026, 3, 9)),
        ('A', new(2026, 4, 4), new(2026, 4, 20)),     // printemps
        ('B', new(2026, 4, 11), new(2026, 4, 27)),
        ('C', new(2026, 4, 18), new(2026, 5, 4)),
        ('*', new(2026, 5, 14), new(2026, 5, 18)),    // pont de l'Ascension (no class on Friday 15 and Saturday 16 May)
        ('*', new(2026, 7, 4), new(2026, 9, 1)),      // été
    ];

    /// <summary>Whether <paramref name="day"/> is a school holiday in <paramref name="zone"/>.</summary>
    public static bool IsHoliday(char zone, DateOnly day) =>
        Periods.Any(p => (p.Zone == '*' || p.Zone == char.ToUpperInvariant(zone)) && day >= p.From && day < p.Resume);

    /// <summary>
    /// The Quartz calendar of the days a reminder may be sent in <paramref name="zone"/>: school days, i.e. neither a
    /// weekend nor a holiday of the zone, in <paramref name="timeZone"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The zone is not A, B or C.</exception>
    public static HolidayCalendar Calendar(char zone, TimeZoneInfo timeZone)
    {
        zone = char.ToUpperInvariant(zone);
        if (!Zones.Contains(zone)) throw new ArgumentOutOfRangeException(nameof(zone), zone, "Zone de vacances scolaires inconnue (A, B ou C).");
        var calendar = new HolidayCalendar(Weekends(timeZone)) { TimeZone = timeZone, Description = $"Week-ends et vacances scolaires, zone {zone}" };
        foreach (var (periodZone, from, resume) in Periods)
        {
            if (periodZone != '*' && periodZone != zone) continue;
            for (var day = from; day < resume; day = day.AddDays(1)) calendar.AddExcludedDay(day);
        }
        return calendar;
    }

    /// <summary>The Quartz calendar excluding Saturdays and Sundays in <paramref name="timeZone"/>.</summary>
    public static WeeklyCalendar Weekends(TimeZoneInfo timeZone) => new() { TimeZone = timeZone, Description = "Samedis et dimanches" };
}
