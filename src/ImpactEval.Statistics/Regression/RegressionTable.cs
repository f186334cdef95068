using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A fitted linear model as a tidy table (one <see cref="Estimate"/> per term, as
/// <c>tidy(lm_robust(...))</c>) with the fit summaries estimatr reports.
/// </summary>
/// <param name="Estimates">One row per design term, in design order; a collinear term has NaN value
/// and a French warning (R prints NA).</param>
/// <param name="N">Number of observations used (rows with a missing value are dropped).</param>
/// <param name="ClusterCount">Number of clusters for cluster-robust variances; null otherwise.</param>
/// <param name="RSquared">Coefficient of determination (weighted for WLS; of the full model, fixed
/// effects included, for absorbed models — estimatr's <c>r.squared</c>).</param>
/// <param name="AdjustedRSquared">R² adjusted for the residual degrees of freedom (estimatr's <c>adj.r.squared</c>).</param>
/// <param name="ResidualDegreesOfFreedom">n minus the rank of the model (absorbed effects counted).</param>
/// <param name="Variance">The variance estimator used.</param>
/// <param name="Method">Short English description, e.g. "OLS, CR2 (Bell-McCaffrey df)".</param>
/// <param name="Warnings">French messages about the whole model (collinear terms…).</param>
/// <param name="CovarianceValues">Variance–covariance matrix of the coefficients, row-major, one row and
/// column per design term (NaN rows for collinear terms).</param>
public sealed record RegressionTable(
    ImmutableArray<Estimate> Estimates,
    int N,
    int? ClusterCount,
    double RSquared,
    double AdjustedRSquared,
    double ResidualDegreesOfFreedom,
    VarianceEstimator Variance,
    string Method,
    ImmutableArray<string> Warnings,
    ImmutableArray<double> CovarianceValues)
{
    /// <summary>The row for <paramref name="term"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the model has no such term.</exception>
    public Estimate Term(string term)
    {
        foreach (var e in Estimates) if (e.Term == term) return e;
        throw new KeyNotFoundException($"The model has no term '{term}'.");
    }

    /// <summary>Estimated covariance of the coefficients of two terms (variance when they are equal).</summary>
    /// <exception cref="KeyNotFoundException">When the model has no such term.</exception>
    public double Covariance(string term1, string term2)
    {
        int i = IndexOf(term1), j = IndexOf(term2);
        return CovarianceValues[i * Estimates.Length + j];
    }

    private int IndexOf(string term)
    {
        for (int i = 0; i < Estimates.Length; i++) if (Estimates[i].Term == term) return i;
        throw new KeyNotFoundException($"The model has no term '{term}'.");
    }
}
