using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A power calculation for comparing two proportions (binary outcome) on the arcsine scale,
/// with the minimum detectable effect translated back to rates around a baseline when one is given.
/// </summary>
/// <param name="SolvedFor">The unknown that was solved for.</param>
/// <param name="CohenH">Cohen's h = 2 asin √p1 − 2 asin √p2 (absolute value); the MDE when solved for.</param>
/// <param name="Power">Power: the target when solving for h or n, the computed power otherwise.</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="N1">Size of the first group (fractional when solved for).</param>
/// <param name="N2">Size of the second group.</param>
/// <param name="BaselineRate">Rate in the comparison group used to express h as rates, when given.</param>
/// <param name="DetectableRateAbove">Rate h above the baseline on the arcsine scale (null when no baseline or when above 100 %).</param>
/// <param name="DetectableRateBelow">Rate h below the baseline (null when no baseline or when below 0 %).</param>
/// <param name="Method">English description and the R function whose convention it follows.</param>
/// <param name="Warnings">French messages a report can show.</param>
public sealed record TwoProportionPowerResult(
    PowerQuantity SolvedFor,
    double CohenH,
    double Power,
    double Alpha,
    double N1,
    double N2,
    double? BaselineRate,
    double? DetectableRateAbove,
    double? DetectableRateBelow,
    string Method,
    ImmutableArray<string> Warnings)
{
    /// <summary>Detectable increase in proportion (rate above minus baseline), e.g. 0.127 for 12.7 points.</summary>
    public double? DifferenceAbove => DetectableRateAbove - BaselineRate;

    /// <summary>Detectable decrease in proportion (baseline minus rate below), positive.</summary>
    public double? DifferenceBelow => BaselineRate - DetectableRateBelow;

    /// <summary>N1 rounded up to a whole number.</summary>
    public int RequiredN1 => (int)Math.Ceiling(N1 - 1e-9);

    /// <summary>N2 rounded up to a whole number.</summary>
    public int RequiredN2 => (int)Math.Ceiling(N2 - 1e-9);
}
