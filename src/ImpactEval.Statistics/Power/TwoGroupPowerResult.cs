using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A power calculation for comparing two groups on a continuous outcome under individual
/// assignment: what was solved for, the answer, and every assumption it rests on.
/// </summary>
/// <param name="SolvedFor">The unknown that was solved for.</param>
/// <param name="Convention">Exact power inversion or Bloom's multiplier (see <see cref="PowerConvention"/>).</param>
/// <param name="EffectSize">Standardised mean difference (Cohen's d, in outcome standard deviations); the MDE when solved for.</param>
/// <param name="Power">Power: the target when solving for an effect or a size, the computed power otherwise.</param>
/// <param name="AchievedPower">Exact power of the two-sided t test at the returned effect and sizes (equals <paramref name="Power"/> except under the multiplier convention or rounding).</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="N1">Size of the first group (fractional when solved for, as <c>pwr</c> reports it).</param>
/// <param name="N2">Size of the second group.</param>
/// <param name="CovariateRSquared">Share of outcome variance explained by baseline covariates (0 without adjustment).</param>
/// <param name="Covariates">Number of covariates, each costing one degree of freedom.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t test: N1 + N2 − 2 − covariates.</param>
/// <param name="StandardisedStandardError">Standard error of the difference in SD units: sqrt((1 − R²)(1/N1 + 1/N2)).</param>
/// <param name="Noncentrality">Noncentrality parameter of the t statistic: effect / standardised SE.</param>
/// <param name="Multiplier">Bloom's multiplier t(1 − α/2; df) + t(power; df) at <paramref name="Power"/> (+∞ when the power rounds to 1).</param>
/// <param name="Method">English description of the calculation and the R function whose convention it follows.</param>
/// <param name="Warnings">French messages a report can show.</param>
public sealed record TwoGroupPowerResult(
    PowerQuantity SolvedFor,
    PowerConvention Convention,
    double EffectSize,
    double Power,
    double AchievedPower,
    double Alpha,
    double N1,
    double N2,
    double CovariateRSquared,
    int Covariates,
    double DegreesOfFreedom,
    double StandardisedStandardError,
    double Noncentrality,
    double Multiplier,
    string Method,
    ImmutableArray<string> Warnings)
{
    /// <summary>Total sample size N1 + N2.</summary>
    public double Total => N1 + N2;

    /// <summary>N1 rounded up to a whole number of individuals (what a protocol must plan).</summary>
    public int RequiredN1 => (int)Math.Ceiling(N1 - 1e-9);

    /// <summary>N2 rounded up to a whole number of individuals.</summary>
    public int RequiredN2 => (int)Math.Ceiling(N2 - 1e-9);
}
