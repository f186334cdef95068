using System.Collections.Immutable;

namespace ImpactEval.Collection.Territories;

/// <summary>One cité of the territory registry as a registry file describes it (one row of <c>territory import</c>).</summary>
/// <param name="Code">The cité's code ("CE-069-01").</param>
/// <param name="Name">Its name.</param>
/// <param name="Communes">Communes covered.</param>
/// <param name="DepartementCode">INSEE code of its département ("69", "2A", "971").</param>
/// <param name="DepartementName">Name of the département.</param>
/// <param name="RegionCode">INSEE code of the région ("84").</param>
/// <param name="RegionName">Name of the région.</param>
/// <param name="LabelYear">Year of the label (2019…2100).</param>
/// <param name="Qpv">Priority neighbourhoods (QPV) covered.</param>
/// <param name="Rep">REP networks.</param>
/// <param name="RepPlus">REP+ networks.</param>
/// <param name="CollegeChefDeFile">The collège chef de file, or null.</param>
/// <param name="Contacts">Functional mailboxes of the project team (never published).</param>
public sealed record RegistryEntry(
    string Code,
    string Name,
    ImmutableArray<string> Communes,
    string DepartementCode,
    string DepartementName,
    string RegionCode,
    string RegionName,
    int LabelYear,
    ImmutableArray<string> Qpv,
    ImmutableArray<string> Rep,
    ImmutableArray<string> RepPlus,
    string? CollegeChefDeFile,
    ImmutableArray<string> Contacts);
