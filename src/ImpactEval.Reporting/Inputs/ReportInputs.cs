using System.Collections.Immutable;

namespace ImpactEval.Reporting.Inputs;

/// <summary>Generation metadata printed in every report.</summary>
/// <param name="GeneratedAt">Generation timestamp, shown in the offset given (pass Paris time for French readers).</param>
/// <param name="ImpactEvalVersion">Version of ImpactEval that produced the report.</param>
/// <param name="ProtocolVersion">Registered protocol version.</param>
/// <param name="DataFingerprint">Fingerprint of the analysed dataset.</param>
public sealed record ReportGeneration(DateTimeOffset GeneratedAt, string ImpactEvalVersion, int ProtocolVersion, string DataFingerprint)
{
    /// <summary>The version of this assembly ("1.0.0"), used when the caller does not say.</summary>
    public static string CurrentVersion { get; } =
        typeof(ReportGeneration).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>Metadata for results, with this assembly's version.</summary>
    public static ReportGeneration For(Analysis.Results.AnalysisResults results, DateTimeOffset generatedAt) =>
        new(generatedAt, CurrentVersion, results.ProtocolVersion, results.DataFingerprint);
}

/// <summary>Options of the report model.</summary>
/// <param name="SuppressionThreshold">Smallest publishable count (default 5; 11 for some health data).</param>
/// <param name="Territory">Facts of the territory sheet, or null.</param>
/// <param name="Supplements">Results of the analyses that <see cref="Analysis.Results.AnalysisResults"/> does not carry yet, or null.</param>
public sealed record ReportOptions(int SuppressionThreshold = Disclosure.DisclosureControl.DefaultThreshold, TerritoryProfile? Territory = null, ReportSupplements? Supplements = null)
{
    /// <summary>The defaults.</summary>
    public static ReportOptions Default { get; } = new();
}

/// <summary>Facts of a cité's territory sheet (commune, département, population, QPV, poverty rates, label year…).</summary>
/// <param name="Facts">Label and formatted value, in display order.</param>
public sealed record TerritoryProfile(ImmutableArray<(string Label, string Value)> Facts);

/// <summary>
/// Results the report can show that <see cref="Analysis.Results.AnalysisResults"/> does not carry yet (balance,
/// attrition, weighting, power). Each is optional: an absent one leaves its section out of the report. Field names
/// follow the records of ImpactEval.Statistics (CovariateBalanceRow, WwcEquivalenceRow, AttritionAssessment,
/// GroupWeightSummary) so that mapping them is one line each.
/// </summary>
/// <param name="Balance">Baseline balance rows.</param>
/// <param name="Attrition">Attrition per wave and contrast.</param>
/// <param name="Weighting">Weight diagnostics per group.</param>
/// <param name="Power">Minimum detectable effects.</param>
public sealed record ReportSupplements(
    ImmutableArray<BalanceInput> Balance = default,
    ImmutableArray<AttritionInput> Attrition = default,
    ImmutableArray<WeightingInput> Weighting = default,
    ImmutableArray<PowerInput> Power = default);

/// <summary>WWC baseline-equivalence band of a standardised difference.</summary>
public enum EquivalenceBand
{
    /// <summary>|g| ≤ 0.05: equivalence satisfied.</summary>
    Satisfied,
    /// <summary>0.05 &lt; |g| ≤ 0.25: satisfied only with statistical adjustment on this covariate.</summary>
    RequiresStatisticalAdjustment,
    /// <summary>|g| &gt; 0.25: not satisfied.</summary>
    NotSatisfied,
}

/// <summary>Balance of one covariate between the focal group and one comparison group.</summary>
/// <param name="Covariate">Covariate code.</param>
/// <param name="ComparisonGroup">Comparison group code.</param>
/// <param name="NFocal">Focal units with a value.</param>
/// <param name="NComparison">Comparison units with a value.</param>
/// <param name="MeanFocal">Mean (proportion for binary) in the focal group.</param>
/// <param name="MeanComparison">Mean in the comparison group.</param>
/// <param name="Difference">Standardised difference (focal − comparison).</param>
/// <param name="WeightedDifference">After weighting, or null.</param>
/// <param name="Band">WWC band, or null when undefined.</param>
public sealed record BalanceInput(string Covariate, string ComparisonGroup, int NFocal, int NComparison, double MeanFocal, double MeanComparison,
    double Difference, double? WeightedDifference, EquivalenceBand? Band);

/// <summary>Attrition of one contrast at one wave.</summary>
/// <param name="Wave">Wave code.</param>
/// <param name="ComparisonGroup">Comparison group code.</param>
/// <param name="EnrolledFocal">Focal units enrolled.</param>
/// <param name="ObservedFocal">Focal units observed at the wave.</param>
/// <param name="EnrolledComparison">Comparison units enrolled.</param>
/// <param name="ObservedComparison">Comparison units observed.</param>
/// <param name="OverallAttritionRate">Overall attrition in [0, 1].</param>
/// <param name="DifferentialAttritionPoints">|focal − comparison| attrition in percentage points.</param>
/// <param name="IsOptimisticBoundary">Whether the optimistic boundary applies (else the cautious one).</param>
/// <param name="IsLowAttrition">Whether attrition is low under the boundary.</param>
public sealed record AttritionInput(string Wave, string ComparisonGroup, int EnrolledFocal, int ObservedFocal, int EnrolledComparison, int ObservedComparison,
    double OverallAttritionRate, double DifferentialAttritionPoints, bool IsOptimisticBoundary, bool IsLowAttrition);

/// <summary>Diagnostics of the weights of one group.</summary>
/// <param name="Group">Group code.</param>
/// <param name="N">Units in the group.</param>
/// <param name="EffectiveSampleSize">Kish's effective sample size.</param>
/// <param name="MaximumWeight">Largest weight.</param>
/// <param name="CoefficientOfVariation">Coefficient of variation of the weights.</param>
public sealed record WeightingInput(string Group, int N, double EffectiveSampleSize, double MaximumWeight, double CoefficientOfVariation);

/// <summary>Minimum detectable effect of one contrast on one outcome.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="ComparisonGroup">Comparison group code.</param>
/// <param name="FocalN">Focal units.</param>
/// <param name="ComparisonN">Comparison units.</param>
/// <param name="MinimumDetectableEffect">Smallest standardised effect (in SD units) detectable.</param>
/// <param name="MinimumDetectableInUnit">The same in the indicator's unit, or null.</param>
/// <param name="Power">Power targeted (e.g. 0.8).</param>
/// <param name="Alpha">Two-sided significance level (e.g. 0.05).</param>
public sealed record PowerInput(string Indicator, string ComparisonGroup, int FocalN, int ComparisonN, double MinimumDetectableEffect,
    double? MinimumDetectableInUnit, double Power, double Alpha);
