namespace ImpactEval.Analysis.Results;

/// <summary>
/// The smallest effect a contrast could detect with the sample at hand (or planned), under the protocol's design
/// assumptions: what the data can and cannot show, stated before reading the estimates.
/// </summary>
/// <param name="Focal">Focal group code.</param>
/// <param name="Comparison">Comparison group code.</param>
/// <param name="Wave">Wave whose observed sample was used, or "prévu" for the planned sizes.</param>
/// <param name="FocalN">Focal participants.</param>
/// <param name="ComparisonN">Comparison participants.</param>
/// <param name="Clusters">Clusters (schools) spanned; 0 when the clustering is ignored.</param>
/// <param name="Icc">Intra-class correlation assumed; null when unknown.</param>
/// <param name="CovariateRSquared">Variance share explained by covariates, assumed.</param>
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
    string Method);
