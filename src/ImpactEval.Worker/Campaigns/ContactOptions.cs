namespace ImpactEval.Worker.Campaigns;

/// <summary>
/// Who receives campaign e-mails, per territory: bound from the "Contacts" configuration section. Professional
/// addresses of the cité's team and of the schools live here, in the deployment's configuration, and never in the
/// evaluation store.
/// </summary>
/// <example>
/// <code>
/// "Contacts": { "Territories": { "CE-999-01": {
///     "HolidayZone": "C",
///     "Emails": [ "cpo@valbrune.fr" ],
///     "Schools": { "E01": [ "ce.0931234x@ac-creteil.fr" ] } } } }
/// </code>
/// </example>
public sealed class ContactOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Contacts";

    /// <summary>Contacts per territory code ("CE-999-01").</summary>
    public Dictionary<string, TerritoryContacts> Territories { get; set; } = new(StringComparer.Ordinal);
}
