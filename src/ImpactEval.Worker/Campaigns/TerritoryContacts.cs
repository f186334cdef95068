namespace ImpactEval.Worker.Campaigns;

/// <summary>The contacts of one territory (cité éducative).</summary>
public sealed class TerritoryContacts
{
    /// <summary>
    /// The school-holiday zone of the territory's académie ("A", "B" or "C"): its reminders are not sent during
    /// that zone's holidays. Empty: reminders only avoid weekends.
    /// </summary>
    public string? HolidayZone { get; set; }

    /// <summary>
    /// The territory's own addresses (the CPO, the coordinators): questionnaire campaigns, lock notices, and
    /// schools without an address of their own.
    /// </summary>
    public List<string> Emails { get; set; } = [];

    /// <summary>Addresses per school (cluster code of the protocol, e.g. "E01"), for wave campaigns.</summary>
    public Dictionary<string, List<string>> Schools { get; set; } = new(StringComparer.Ordinal);
}
