using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>The coefficients of one non-reference group in a multinomial logit: log(P(group) / P(reference)) = x·b.</summary>
/// <param name="Group">Label of the group this equation describes.</param>
/// <param name="Coefficients">Log relative-risk coefficients, intercept first, with observed-information SEs, Wald z, p and CIs (aliased terms NA).</param>
public sealed record MultinomialEquation(string Group, ImmutableArray<Estimate> Coefficients);

/// <summary>
/// A fitted multinomial logistic model of group membership (a propensity model for 3+ groups), as
/// R's <c>nnet::multinom(group ~ x)</c> or <c>VGAM::vglm(group ~ x, multinomial(refLevel = 1))</c>:
/// the first group (code 0) is the reference.
/// </summary>
/// <param name="Groups">Group labels, indexed by code.</param>
/// <param name="Equations">One equation per non-reference group (codes 1 … G − 1).</param>
/// <param name="Deviance">−2 × weighted log-likelihood (nnet's <c>deviance</c>).</param>
/// <param name="Aic">Deviance + 2 × number of estimated coefficients.</param>
/// <param name="Iterations">Newton–Raphson iterations.</param>
/// <param name="N">Observations used (complete cases with a positive weight).</param>
/// <param name="Warnings">French messages (collinear terms…).</param>
/// <param name="Probabilities">Fitted probabilities, row-major (input row × group code); NaN for rows dropped for a missing value.</param>
public sealed record MultinomialLogitResult(
    ImmutableArray<string> Groups,
    ImmutableArray<MultinomialEquation> Equations,
    double Deviance,
    double Aic,
    int Iterations,
    int N,
    ImmutableArray<string> Warnings,
    ImmutableArray<double> Probabilities)
{
    /// <summary>Number of input rows (including rows dropped for missing values).</summary>
    public int RowCount => Probabilities.Length / Groups.Length;

    /// <summary>Fitted probability that input row <paramref name="row"/> belongs to group <paramref name="group"/> (R's <c>fitted(multinom)</c>); NaN for a row dropped for a missing value.</summary>
    /// <param name="row">Input row index.</param>
    /// <param name="group">Group code, 0 … G − 1.</param>
    public double FittedProbability(int row, int group) => Probabilities[row * Groups.Length + group];

    /// <summary>Fitted probabilities of one group for every input row (NaN for dropped rows).</summary>
    /// <param name="group">Group code, 0 … G − 1.</param>
    public ImmutableArray<double> FittedProbabilities(int group)
    {
        var g = Groups.Length;
        var result = new double[RowCount];
        for (var i = 0; i < result.Length; i++) result[i] = Probabilities[i * g + group];
        return ImmutableArray.Create(result);
    }
}
