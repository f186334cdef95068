using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Results;

/// <summary>Everything computed from a protocol's data: what reports read and what the store keeps.</summary>
/// <param name="ProtocolId">Protocol identifier.</param>
/// <param name="ProtocolVersion">Protocol version.</param>
/// <param name="DataFingerprint">Fingerprint of the dataset the results come from.</param>
/// <param name="Participants">Rows of the dataset (enrolments).</param>
/// <param name="Flow">Sample flow per group and wave.</param>
/// <param name="Descriptives">Descriptives per indicator, wave and group.</param>
/// <param name="Balance">Baseline balance per contrast and sample.</param>
/// <param name="Attrition">Overall and differential attrition per analysed wave and contrast, against the WWC boundaries.</param>
/// <param name="Analyses">The protocol's analyses.</param>
/// <param name="Sensitivity">Minimum detectable effects with the planned and the observed sizes.</param>
/// <param name="Notes">French notes on data quality and on what the data cannot show.</param>
public sealed record AnalysisResults(
    string ProtocolId,
    int ProtocolVersion,
    string DataFingerprint,
    int Participants,
    SampleFlow Flow,
    ImmutableArray<IndicatorDescriptives> Descriptives,
    ImmutableArray<BalanceTable> Balance,
    ImmutableArray<AttritionAssessment> Attrition,
    ImmutableArray<AnalysisResult> Analyses,
    ImmutableArray<DetectableEffect> Sensitivity,
    ImmutableArray<string> Notes)
{
    /// <summary>The version of the JSON form (<see cref="ResultsJson.FormatVersion"/>); 0 for results stored before it was recorded.</summary>
    public int FormatVersion { get; init; }

    /// <summary>The analysis-engine version that computed the results (<see cref="AnalysisEngine.Version"/>); 0 for results stored before it was recorded.</summary>
    public int EngineVersion { get; init; }

    /// <summary>The informational version of the build that computed the results ("0.14.0+1a2b3c4d5e6f"); empty when unknown.</summary>
    public string BuildVersion { get; init; } = "";
}
