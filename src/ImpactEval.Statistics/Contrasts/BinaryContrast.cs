namespace ImpactEval.Statistics;

/// <summary>
/// Comparison of a binary outcome between a focal and a comparison group: both risks, the risk
/// difference, risk ratio and odds ratio (focal relative to comparison), and Fisher's exact test.
/// </summary>
/// <param name="Table">The 2×2 table the measures were computed from.</param>
/// <param name="FocalRisk">Proportion of events in the focal group, with its Wilson interval.</param>
/// <param name="ComparisonRisk">Proportion of events in the comparison group, with its Wilson interval.</param>
/// <param name="RiskDifference">Focal minus comparison risk, Newcombe hybrid score interval (see <see cref="BinaryContrasts.NewcombeRiskDifference"/>).</param>
/// <param name="RiskRatio">Focal over comparison risk, Katz log interval (see <see cref="BinaryContrasts.KatzRiskRatio"/>).</param>
/// <param name="OddsRatio">Focal over comparison odds, Woolf log interval (see <see cref="BinaryContrasts.WoolfOddsRatio"/>).</param>
/// <param name="Fisher">Fisher's exact test (see <see cref="BinaryContrasts.FisherExact"/>).</param>
public sealed record BinaryContrast(
    TwoByTwoTable Table,
    Proportion FocalRisk,
    Proportion ComparisonRisk,
    Estimate RiskDifference,
    Estimate RiskRatio,
    Estimate OddsRatio,
    FisherExactTest Fisher);
