using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// Two-sample statistics of one contrast (the focal group against one comparison group, no model): Welch's difference in
/// means (R's <c>t.test</c>), the Wilcoxon–Mann–Whitney test (<c>wilcox.test</c>) and Brunner–Munzel's test of the
/// probability of superiority, and the risk difference (Newcombe) and risk ratio (Katz) of a binary outcome.
/// </summary>
internal static class TwoSampleContrast
{
    public static ContrastFit Welch(EstimationData data, string comparison) =>
        new(comparison, MeanContrasts.Welch(data.Sample(data.Focal), data.Sample(comparison), data.Spec.ConfidenceLevel).Difference, "welch", null);

    /// <summary>
    /// The probability of superiority W/(n₁n₂) with the Wilcoxon–Mann–Whitney rank-sum test: statistic W and p-value of
    /// <c>wilcox.test</c> (exact without ties and below 50 per group, else normal with continuity correction); the
    /// standard error, df and interval are Brunner and Munzel's (<c>wilcox.test</c> gives none for this measure).
    /// </summary>
    public static ContrastFit Wilcoxon(EstimationData data, string comparison)
    {
        var rank = RankContrasts.Compare(data.Sample(data.Focal), data.Sample(comparison), data.Spec.ConfidenceLevel);
        var effect = rank.ProbabilityOfSuperiority with
        {
            Statistic = rank.Wilcoxon.W,
            PValue = rank.Wilcoxon.PValue,
            Method = $"Probability of superiority W/(n1 n2); {rank.Wilcoxon.Method}; SE, df and interval of Brunner-Munzel",
            Warnings = rank.ProbabilityOfSuperiority.Warnings.AddRange(rank.Wilcoxon.Warnings),
        };
        return new(comparison, effect, "brunner_munzel", null);
    }

    public static ContrastFit BrunnerMunzel(EstimationData data, string comparison) =>
        new(comparison, RankContrasts.BrunnerMunzel(data.Sample(data.Focal), data.Sample(comparison), data.Spec.ConfidenceLevel), "brunner_munzel", null);

    public static ContrastFit RiskDifference(EstimationData data, string comparison) =>
        new(comparison, BinaryContrasts.NewcombeRiskDifference(BinaryContrasts.Table(data.Sample(data.Focal), data.Sample(comparison)), data.Spec.ConfidenceLevel),
            "newcombe", null);

    public static ContrastFit RiskRatio(EstimationData data, string comparison) =>
        new(comparison, BinaryContrasts.KatzRiskRatio(BinaryContrasts.Table(data.Sample(data.Focal), data.Sample(comparison)), data.Spec.ConfidenceLevel),
            "katz", null);
}
