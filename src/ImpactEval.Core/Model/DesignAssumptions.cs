namespace ImpactEval.Core.Model;

/// <summary>
/// The assumptions used to size the evaluation (power and minimum detectable effect), declared in the protocol's
/// <c>design</c> section so that they are written down before the data arrives.
/// </summary>
/// <param name="Icc">Intra-class correlation of the outcomes within a cluster (school), in [0, 1); null when unknown (then the clustering is ignored and the report says so).</param>
/// <param name="CovariateRSquared">Share of outcome variance explained by the baseline covariates, in [0, 1).</param>
/// <param name="Power">Target power, in (0, 1); 0.80 by default.</param>
/// <param name="Alpha">Two-sided significance level, in (0, 1); 0.05 by default.</param>
public sealed record DesignAssumptions(double? Icc, double CovariateRSquared, double Power, double Alpha)
{
    /// <summary>The assumptions used when the protocol declares none: no clustering information, no covariate gain, 80 % power, 5 % risk.</summary>
    public static readonly DesignAssumptions Default = new(null, 0, 0.80, 0.05);
}
