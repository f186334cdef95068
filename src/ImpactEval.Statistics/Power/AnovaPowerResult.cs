using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>A power calculation for the balanced one-way ANOVA F test across k groups.</summary>
/// <param name="SolvedFor">The unknown that was solved for.</param>
/// <param name="EffectSizeF">Cohen's f: standard deviation of the group means divided by the within-group SD.</param>
/// <param name="Power">Power: the target when solving for f or n, the computed power otherwise.</param>
/// <param name="Alpha">Significance level of the F test.</param>
/// <param name="Groups">Number of groups k (≥ 2).</param>
/// <param name="NPerGroup">Individuals per group (fractional when solved for, as <c>pwr</c> reports it).</param>
/// <param name="NumeratorDegreesOfFreedom">k − 1.</param>
/// <param name="DenominatorDegreesOfFreedom">k (n − 1).</param>
/// <param name="Noncentrality">Noncentrality of the F statistic, λ = k n f².</param>
/// <param name="Method">English description and the R function whose convention it follows.</param>
/// <param name="Warnings">French messages a report can show.</param>
public sealed record AnovaPowerResult(
    PowerQuantity SolvedFor,
    double EffectSizeF,
    double Power,
    double Alpha,
    int Groups,
    double NPerGroup,
    double NumeratorDegreesOfFreedom,
    double DenominatorDegreesOfFreedom,
    double Noncentrality,
    string Method,
    ImmutableArray<string> Warnings)
{
    /// <summary>Total sample size k × n.</summary>
    public double Total => Groups * NPerGroup;

    /// <summary>Individuals per group rounded up to a whole number.</summary>
    public int RequiredNPerGroup => (int)Math.Ceiling(NPerGroup - 1e-9);
}
