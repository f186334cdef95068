using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// French school holidays of metropolitan France by zone (A, B, C): the days a campaign reminder is not sent. A
/// reminder round on a weekend or a holiday of its zone sends nothing; the next school day's round sends the latest
/// reminder due (<see cref="Campaigns.ReminderStages"/>).
/// </summary>
/// <remarks>
/// Source: the national school calendar (arrêtés fixing the calendars 2024-2025 and 2025-2026, published on
/// education.gouv.fr). The official wording "du samedi X au lundi Y" means classes end on X and resume on the
/// morning of Y, so the excluded days run from X to Y − 1. The Ascension bridges (no class on the Friday) are
/// included. Later years are configured (<see cref="SchoolHolidayOptions"/>) until a release builds them in;
/// overseas academies and Corsica follow their own calendars and are not covered.
/// </remarks>
public sealed class SchoolHolidays
{
    /// <summary>The holidays of the built-in calendar only.</summary>
    public SchoolHolidays() : this(BuiltIn) { }

    /// <summary>The built-in calendar and the periods of <see cref="SchoolHolidayOptions"/>.</summary>
    public SchoolHolidays(IOptions<SchoolHolidayOptions> options)
        : this([.. BuiltIn, .. options.Value.Periods.Select(p => (char.ToUpperInvariant(p.Zone.Trim() is { Length: 1 } z ? z[0] : '*'), p.From, p.Resume))]) { }

    private SchoolHolidays(IReadOnlyList<(char Zone, DateOnly From, DateOnly Resume)> periods)
    {
        Periods = periods;
        LastDay = periods.Max(p => p.Resume);
    }

    /// <summary>The zones covered.</summary>
    public static IReadOnlyList<char> Zones { get; } = ['A', 'B', 'C'];

    /// <summary>The periods in force: built in, then configured.</summary>
    public IReadOnlyList<(char Zone, DateOnly From, DateOnly Resume)> Periods { get; }

    /// <summary>The end of the known calendar (the latest first day of class again): past it, only weekends are known.</summary>
    public DateOnly LastDay { get; }

    /// <summary>Every holiday period built in: zone ('*' for all zones), first day off, first day of class again.</summary>
    public static IReadOnlyList<(char Zone, DateOnly From, DateOnly Resume)> BuiltIn { get; } =
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

    /// <summary>Whether <paramref name="day"/> is a school holiday in <paramref name="zone"/> ('A', 'B' or 'C').</summary>
    public bool IsHoliday(char zone, DateOnly day) =>
        Periods.Any(p => (p.Zone == '*' || p.Zone == char.ToUpperInvariant(zone)) && day >= p.From && day < p.Resume);

    /// <summary>
    /// Whether a reminder may be sent on <paramref name="day"/>: neither a Saturday nor a Sunday, nor, for a zone, one
    /// of its school holidays. Territories without a zone (null) only skip weekends.
    /// </summary>
    public bool IsSchoolDay(char? zone, DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && (zone is not { } z || !IsHoliday(z, day));

    /// <summary>Whether the calendar knows the holidays of <paramref name="day"/> (it is before <see cref="LastDay"/>).</summary>
    public bool Covers(DateOnly day) => day < LastDay;
}
