namespace ImpactEval.Statistics;

/// <summary>
/// An observed proportion (count out of a total) with its confidence interval. It has no test
/// statistic, which is why it is not an <see cref="Estimate"/>.
/// </summary>
/// <param name="Count">Number of observations with the attribute.</param>
/// <param name="Total">Number of observations (non-missing) in the denominator.</param>
/// <param name="Value">Count / Total, in [0, 1].</param>
/// <param name="Interval">Confidence interval for the proportion, within [0, 1].</param>
/// <param name="Method">Interval method (e.g. "Wilson score interval (prop.test, correct = FALSE)").</param>
public sealed record Proportion(int Count, int Total, double Value, ConfidenceInterval Interval, string Method);
