using System.Collections.Immutable;

namespace ImpactEval.Analysis;

/// <summary>
/// The analysis dataset of a protocol: one row per enrolment (in a stable order), typed columns per baseline
/// covariate and per indicator × wave (NaN for a missing value). Holds no pseudonym: analyses never need one.
/// </summary>
/// <param name="ProtocolId">The protocol's identifier.</param>
/// <param name="ProtocolVersion">The registered version the data was read under.</param>
/// <param name="Groups">Group code per row: at enrolment (intention to treat) unless <see cref="Assignment"/> says otherwise.</param>
/// <param name="Clusters">Cluster (school) code per row; null when unknown.</param>
/// <param name="Statuses">Enrolment status per row ("active", "withdrawn", …).</param>
/// <param name="Covariates">Baseline covariate columns by code.</param>
/// <param name="Outcomes">Indicator columns by <see cref="Key"/>(indicator, wave).</param>
/// <param name="CollectedOn">Collection date per row and wave code (null when the participant was not observed at that wave).</param>
/// <param name="Fingerprint">SHA-256 of the content: two datasets with the same fingerprint give the same estimates.</param>
public sealed record AnalysisDataset(
    string ProtocolId,
    int ProtocolVersion,
    ImmutableArray<string> Groups,
    ImmutableArray<string?> Clusters,
    ImmutableArray<string> Statuses,
    ImmutableDictionary<string, ImmutableArray<double>> Covariates,
    ImmutableDictionary<string, ImmutableArray<double>> Outcomes,
    ImmutableDictionary<string, ImmutableArray<DateOnly?>> CollectedOn,
    string Fingerprint)
{
    /// <summary>How <see cref="Groups"/> was assigned (intention to treat unless asked otherwise).</summary>
    public GroupAssignment Assignment { get; init; } = GroupAssignment.IntentionToTreat;

    /// <summary>Number of rows (enrolments).</summary>
    public int Count => Groups.Length;

    /// <summary>The key of an indicator × wave column.</summary>
    public static string Key(string indicator, string wave) => $"{indicator}@{wave}";

    /// <summary>The column of an indicator at a wave; all NaN when nothing was collected.</summary>
    public ImmutableArray<double> Outcome(string indicator, string wave) =>
        Outcomes.TryGetValue(Key(indicator, wave), out var column) ? column : [.. Enumerable.Repeat(double.NaN, Count)];
}
