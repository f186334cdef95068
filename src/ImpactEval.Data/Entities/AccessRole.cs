namespace ImpactEval.Data.Entities;

/// <summary>
/// What an account (API key or web user) may see and do. The French names used on the command line and in messages are in
/// <see cref="Access.AccessRoles"/>.
/// </summary>
public enum AccessRole
{
    /// <summary>
    /// "administrateur": runs the service. Every territory, full results, the jobs API. Participant rights
    /// (export, erasure) stay on the command line.
    /// </summary>
    Administrator,

    /// <summary>
    /// "national" (ANCT, national steering): every territory, but only the published tables (small counts
    /// suppressed), never participant-level data nor unprotected results.
    /// </summary>
    National,

    /// <summary>
    /// "equipe-cite" (the CPO, the évaluateur of a cité): the full results of the protocols of its territories.
    /// Participant rights operations stay on the command line.
    /// </summary>
    TerritoryTeam,

    /// <summary>
    /// "saisie" (a data-entry agent of a cité): enters and uploads the data of its territories' protocols, follows the
    /// cohort, but sees no result at all (neither estimates nor published tables).
    /// </summary>
    DataEntry,

    /// <summary>"partenaire" (CAF, Département, associations…): the published tables of its territories only.</summary>
    Partner,
}
