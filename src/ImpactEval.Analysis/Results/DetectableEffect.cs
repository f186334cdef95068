namespace ImpactEval.Analysis.Results;

/// <summary>
/// The smallest effect a contrast could detect: the planning MDE (<see cref="IsPlanned"/>, wave "prévu") from the
/// planned sizes and the protocol's stated assumptions (ICC, R², power, risk), or the observed MDE of one estimate,
/// (t(1 − α/2; df) + t(power; df)) × SE / SD from the estimate's own standard error and degrees of freedom, so that it
/// agrees with the printed interval (whose half-width is t(1 − α/2; df) × SE).
/// </summary>
/// <param name="Focal">Focal group code.</param>
/// <param name="Comparison">Comparison group code.</param>
/// <param name="Wave">Wave of the analysis the estimate comes from, or "prévu" for the planned sizes.</param>
/// <param name="FocalN">Focal participants.</param>
/// <param name="ComparisonN">Comparison participants.</param>
/// <param name="Clusters">Clusters (schools) spanned; 0 when the clustering is ignored.</param>
/// <param name="Icc">Intra-class correlation assumed (planning); null when unknown or for an observed MDE (the estimate's variance accounts for the clustering itself).</param>
/// <param name="CovariateRSquared">Variance share explained by covariates, assumed (planning); NaN for an observed MDE.</param>
/// <param name="Power">Target power.</param>
/// <param name="Alpha">Two-sided risk.</param>
/// <param name="StandardisedEffect">Minimum detectable effect in standard deviations of the outcome (Cohen's d).</param>
/// <param name="Method">The design formula used (PowerUpR convention named).</param>
public sealed record DetectableEffect(
    string Focal,
    string Comparison,
    string Wave,
    int FocalN,
    int ComparisonN,
    int Clusters,
    double? Icc,
    double CovariateRSquared,
    double Power,
    double Alpha,
    double StandardisedEffect,
    string Method)
{
    /// <summary>The planned sizes' MDE, wave "prévu".</summary>
    public const string PlannedWave = "prévu";

    /// <summary>Whether this is the planning MDE (stated assumptions, planned sizes) rather than an estimate's observed MDE.</summary>
    public bool IsPlanned => Wave == PlannedWave;

    /// <summary>The analysis of the estimate (observed MDE only).</summary>
    public string? Analysis { get; init; }

    /// <summary>The indicator of the estimate (observed MDE only).</summary>
    public string? Indicator { get; init; }

    /// <summary>The estimate's standard error, in the effect's unit (log odds for odds ratios); NaN for a planning MDE.</summary>
    public double StandardError { get; init; } = double.NaN;

    /// <summary>The estimate's degrees of freedom (+∞ for a normal reference); NaN for a planning MDE.</summary>
    public double DegreesOfFreedom { get; init; } = double.NaN;

    /// <summary>The standard deviation the effect is divided by (pooled within the two groups at the wave; π/√3 on the log-odds scale); NaN for a planning MDE.</summary>
    public double OutcomeStandardDeviation { get; init; } = double.NaN;

    /// <summary>The MDE in the effect's own unit (points of the indicator, log odds): <see cref="StandardisedEffect"/> × <see cref="OutcomeStandardDeviation"/>; NaN for a planning MDE.</summary>
    public double RawEffect => StandardisedEffect * OutcomeStandardDeviation;
}
