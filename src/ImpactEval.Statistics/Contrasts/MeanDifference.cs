namespace ImpactEval.Statistics;

/// <summary>The difference in means between a focal group and a comparison group.</summary>
/// <param name="FocalLabel">Label of the focal group (e.g. beneficiaries).</param>
/// <param name="ComparisonLabel">Label of the comparison group.</param>
/// <param name="FocalMean">Mean of the focal group's non-missing values.</param>
/// <param name="ComparisonMean">Mean of the comparison group's non-missing values.</param>
/// <param name="FocalN">Number of non-missing focal values used.</param>
/// <param name="ComparisonN">Number of non-missing comparison values used.</param>
/// <param name="Difference">Focal mean minus comparison mean, with SE, t, df, p-value and interval of the chosen method.</param>
public sealed record MeanDifference(
    string FocalLabel,
    string ComparisonLabel,
    double FocalMean,
    double ComparisonMean,
    int FocalN,
    int ComparisonN,
    Estimate Difference);
