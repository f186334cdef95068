using System.Collections.Immutable;
using ImpactEval.Data.Entities;

namespace ImpactEval.Collection.Territories;

/// <summary>A cité as the registry knows it; the place fields are null for a cité known by its code only.</summary>
/// <param name="Code">Code.</param>
/// <param name="Name">Name (its code when the store has none).</param>
/// <param name="RegionCode">INSEE code of the région, or null.</param>
/// <param name="RegionName">Name of the région, or null.</param>
/// <param name="DepartementCode">INSEE code of the département, or null.</param>
/// <param name="DepartementName">Name of the département, or null.</param>
/// <param name="LabelYear">Year of the label, or null.</param>
/// <param name="Communes">Communes covered.</param>
/// <param name="Qpv">QPV covered.</param>
/// <param name="Rep">REP networks.</param>
/// <param name="RepPlus">REP+ networks.</param>
/// <param name="CollegeChefDeFile">The collège chef de file, or null.</param>
/// <param name="Contacts">Functional mailboxes (never published).</param>
public sealed record RegisteredTerritory(
    string Code,
    string Name,
    string? RegionCode,
    string? RegionName,
    string? DepartementCode,
    string? DepartementName,
    int? LabelYear,
    ImmutableArray<string> Communes,
    ImmutableArray<string> Qpv,
    ImmutableArray<string> Rep,
    ImmutableArray<string> RepPlus,
    string? CollegeChefDeFile,
    ImmutableArray<string> Contacts)
{
    /// <summary>Whether the registry describes this cité (a département and a label year), rather than its code only.</summary>
    public bool IsRegistered => DepartementCode is not null;

    internal static RegisteredTerritory From(Territory t, Departement? d, Region? r) =>
        new(t.Code, string.IsNullOrWhiteSpace(t.Name) ? t.Code : t.Name, r?.Code, r?.Name, d?.Code, d?.Name, t.LabelYear,
            Split(t.Communes), Split(t.Qpv), Split(t.Rep), Split(t.RepPlus), t.CollegeChefDeFile, Split(t.Contacts));

    private static ImmutableArray<string> Split(string? list) =>
        list is null ? [] : [.. list.Split(Territory.ListSeparator)];
}
