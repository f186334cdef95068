namespace ImpactEval.Data.Entities;

/// <summary>
/// A cité éducative: the unit of data ownership and of access scoping, and an entry of the territory registry
/// (<c>impacteval territory import</c>): its place in the hierarchy région → département → cité, its label year and
/// the neighbourhoods and networks it covers. Lists are stored as texts separated by <see cref="ListSeparator"/>.
/// </summary>
public sealed class Territory
{
    /// <summary>The separator of the list columns (communes, QPV, REP, REP+, contacts).</summary>
    public const string ListSeparator = " | ";

    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The cité's code (e.g. "CE-999-01"), unique.</summary>
    public required string Code { get; set; }

    /// <summary>The cité's name, if known.</summary>
    public string? Name { get; set; }

    /// <summary>When the territory was first seen (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Its département, or null for a cité that was never registered (created by an import's --create-territories).</summary>
    public int? DepartementId { get; set; }

    /// <summary>Year the label was granted (2019, 2021, 2022, 2024…), or null when not registered.</summary>
    public int? LabelYear { get; set; }

    /// <summary>Communes covered, separated by <see cref="ListSeparator"/>.</summary>
    public string? Communes { get; set; }

    /// <summary>QPV (quartiers prioritaires) covered, separated by <see cref="ListSeparator"/>.</summary>
    public string? Qpv { get; set; }

    /// <summary>REP networks covered, separated by <see cref="ListSeparator"/>.</summary>
    public string? Rep { get; set; }

    /// <summary>REP+ networks covered, separated by <see cref="ListSeparator"/>.</summary>
    public string? RepPlus { get; set; }

    /// <summary>The collège chef de file.</summary>
    public string? CollegeChefDeFile { get; set; }

    /// <summary>Functional contacts of the cité (mailboxes of the project team), separated by <see cref="ListSeparator"/>; never published.</summary>
    public string? Contacts { get; set; }

    /// <summary>When the registry last changed this cité (UTC), or null when never registered.</summary>
    public DateTime? RegisteredAt { get; set; }
}
