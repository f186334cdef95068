namespace ImpactEval.Statistics;

/// <summary>A named numeric variable (a covariate, a baseline score), one value per row; NaN marks a missing value.</summary>
/// <param name="Name">Term name used in result tables (e.g. "score_initial").</param>
/// <param name="Values">One value per row, in the unit of the variable.</param>
public sealed record NumericColumn(string Name, double[] Values);
