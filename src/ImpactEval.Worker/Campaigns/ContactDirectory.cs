using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Campaigns;

/// <summary>Looks up whom to write to for a territory or one of its schools, and the territory's holiday zone.</summary>
public sealed class ContactDirectory(IOptions<ContactOptions> options)
{
    /// <summary>
    /// The addresses for a respondent: the school's own when it has some, else the territory's. Empty when the
    /// configuration names nobody (the caller reports it).
    /// </summary>
    /// <param name="territory">The territory's code.</param>
    /// <param name="school">The school (cluster code), or null for the territory itself.</param>
    public IReadOnlyList<string> For(string territory, string? school)
    {
        if (!options.Value.Territories.TryGetValue(territory, out var contacts)) return [];
        if (school is not null && contacts.Schools.TryGetValue(school, out var addresses) && addresses.Count > 0) return addresses;
        return contacts.Emails;
    }

    /// <summary>The territory's holiday zone ('A', 'B' or 'C'), or null when none is configured.</summary>
    public char? ZoneOf(string territory) =>
        options.Value.Territories.TryGetValue(territory, out var contacts) && contacts.HolidayZone is { Length: 1 } zone
        && SchoolHolidays.Zones.Contains(char.ToUpperInvariant(zone[0]))
            ? char.ToUpperInvariant(zone[0])
            : null;
}
