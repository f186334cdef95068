using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// One row of a tidy estimation table (as <c>broom::tidy</c> or <c>estimatr</c> print them): a term,
/// its point estimate, standard error, test statistic, degrees of freedom, p-value and confidence
/// interval, with the method that produced it and the number of observations used.
/// </summary>
/// <param name="Term">Name of the estimated quantity (e.g. "groupe[BEN]", "difference", "(Intercept)").</param>
/// <param name="Value">Point estimate, in the unit of the outcome (or of the scale named by <paramref name="Method"/>).</param>
/// <param name="StandardError">Standard error of <paramref name="Value"/>; NaN only when the term is not estimable (see <paramref name="Warnings"/>).</param>
/// <param name="Statistic">Test statistic for the null hypothesis that the term is zero (t or z, or the method's own).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the reference t distribution; <see cref="double.PositiveInfinity"/> for a normal reference.</param>
/// <param name="PValue">Two-sided p-value, unadjusted for multiplicity.</param>
/// <param name="Interval">Confidence interval at the requested level.</param>
/// <param name="Method">Short English description of the estimator and variance (e.g. "OLS, CR2 (Bell-McCaffrey df)").</param>
/// <param name="N">Number of observations used.</param>
/// <param name="Warnings">French messages a report can show to a user (small samples, collinearity, separation…).</param>
public sealed record Estimate(
    string Term,
    double Value,
    double StandardError,
    double Statistic,
    double DegreesOfFreedom,
    double PValue,
    ConfidenceInterval Interval,
    string Method,
    int N,
    ImmutableArray<string> Warnings)
{
    /// <summary>Whether the term could be estimated (R prints NA otherwise, e.g. for a collinear term).</summary>
    public bool IsEstimable => !double.IsNaN(Value);
}
