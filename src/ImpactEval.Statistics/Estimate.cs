using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

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

    /// <summary>
    /// The row of an estimate with a symmetric interval, as R's <c>summary</c> and <c>confint</c> build
    /// it from a point estimate and its standard error: statistic = value / SE (a test of zero),
    /// two-sided p-value, and interval value ± q·SE with q the critical value at <paramref name="level"/>,
    /// all from Student's t on <paramref name="degreesOfFreedom"/> — the normal reference (Wald z)
    /// when it is <see cref="double.PositiveInfinity"/>.
    /// </summary>
    internal static Estimate FromStandardError(string term, double value, double standardError, double degreesOfFreedom,
        double level, string method, int n, ImmutableArray<string> warnings)
    {
        var statistic = value / standardError;
        var q = TDistribution.CriticalValue(level, degreesOfFreedom);
        return new Estimate(term, value, standardError, statistic, degreesOfFreedom,
            TDistribution.TwoSidedPValue(statistic, degreesOfFreedom),
            new ConfidenceInterval(value - q * standardError, value + q * standardError, level), method, n, warnings);
    }

    /// <summary>The row of a collinear (aliased) term, which R reports as NA, with <see cref="CollinearWarning"/>.</summary>
    /// <param name="term">Term name.</param>
    /// <param name="degreesOfFreedom">Reference df of the table the row belongs to (+∞ for Wald tables, NaN when it depends on the term).</param>
    /// <param name="level">Confidence level of the table.</param>
    /// <param name="method">Method of the table.</param>
    /// <param name="n">Number of observations of the model.</param>
    internal static Estimate Collinear(string term, double degreesOfFreedom, double level, string method, int n) =>
        new(term, double.NaN, double.NaN, double.NaN, degreesOfFreedom, double.NaN,
            new ConfidenceInterval(double.NaN, double.NaN, level), method, n, [CollinearWarning(term)]);

    /// <summary>The French warning attached to a collinear term, in every model that reports one.</summary>
    internal static string CollinearWarning(string term) =>
        $"Le terme « {term} » est colinéaire aux autres variables du modèle : son coefficient n'est pas estimable (NA, comme dans R).";
}
