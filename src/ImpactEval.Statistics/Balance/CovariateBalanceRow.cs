using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>How a covariate is summarised in a balance table.</summary>
public enum CovariateKind
{
    /// <summary>Numeric covariate: standardised mean difference and variance ratio.</summary>
    Continuous,
    /// <summary>0/1 covariate (every observed value is 0 or 1): difference in proportions.</summary>
    Binary,
}

/// <summary>Statistic reported for binary covariates in a balance table.</summary>
public enum BinaryBalanceStatistic
{
    /// <summary>Raw difference in proportions (cobalt's default, <c>binary = "raw"</c>).</summary>
    RawDifference,
    /// <summary>Difference in proportions divided by √(p(1 − p)) of the focal group (cobalt's <c>binary = "std"</c>).</summary>
    StandardizedDifference,
}

/// <summary>
/// Balance of one covariate between the focal group and one comparison group, before and (when
/// weights are given) after weighting, with cobalt's ATT conventions.
/// </summary>
/// <param name="Covariate">Covariate name.</param>
/// <param name="Kind">Continuous or binary.</param>
/// <param name="FocalGroup">Focal group label.</param>
/// <param name="ComparisonGroup">Comparison group label.</param>
/// <param name="NFocal">Focal units with a non-missing value.</param>
/// <param name="NComparison">Comparison units with a non-missing value.</param>
/// <param name="MeanFocal">Unweighted mean (proportion for a binary covariate) in the focal group.</param>
/// <param name="MeanComparison">Unweighted mean in the comparison group.</param>
/// <param name="WeightedMeanFocal">Weighted mean in the focal group; null without weights.</param>
/// <param name="WeightedMeanComparison">Weighted mean in the comparison group; null without weights.</param>
/// <param name="StandardizingSd">Standardiser: unweighted SD of the focal group (cobalt <c>s.d.denom = "treated"</c>); √(p(1 − p)) for a binary covariate.</param>
/// <param name="IsStandardized">Whether the differences are divided by <paramref name="StandardizingSd"/> (false for raw differences in proportions).</param>
/// <param name="Difference">Unweighted difference, focal minus comparison (standardised or raw, see <paramref name="IsStandardized"/>); NaN with a warning when the standardiser is 0.</param>
/// <param name="WeightedDifference">Weighted difference with the same standardiser; null without weights.</param>
/// <param name="VarianceRatio">Unweighted variance ratio focal / comparison (continuous covariates only, else null).</param>
/// <param name="WeightedVarianceRatio">Weighted variance ratio (cobalt <c>col_w_vr</c>); null without weights or for binary covariates.</param>
/// <param name="Warnings">French messages (zero standard deviation, constant covariate…).</param>
public sealed record CovariateBalanceRow(
    string Covariate,
    CovariateKind Kind,
    string FocalGroup,
    string ComparisonGroup,
    int NFocal,
    int NComparison,
    double MeanFocal,
    double MeanComparison,
    double? WeightedMeanFocal,
    double? WeightedMeanComparison,
    double StandardizingSd,
    bool IsStandardized,
    double Difference,
    double? WeightedDifference,
    double? VarianceRatio,
    double? WeightedVarianceRatio,
    ImmutableArray<string> Warnings);
