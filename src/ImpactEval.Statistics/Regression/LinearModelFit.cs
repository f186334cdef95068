using ImpactEval.Statistics.Numerics;
using ImpactEval.Statistics.Regression;
using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A least squares fit (from <see cref="LinearModel"/>): coefficients, residuals and fit summaries,
/// with one method per variance estimator returning the tidy <see cref="RegressionTable"/>.
/// </summary>
/// <remarks>
/// The default of estimatr is <see cref="HC2"/> without clusters and <see cref="CR2"/> with clusters.
/// Cluster codes are given to the cluster-robust methods as one <c>int</c> per design row (the same
/// rows as the outcome, missing rows included); rows sharing a code form a cluster.
/// </remarks>
public sealed class LinearModelFit
{
    private readonly ImmutableArray<string> _warnings;

    internal LinearModelFit(string[] terms, double[][] x, double[] y, double[] yOriginal, double[]? weights,
        int[] usedRows, int designRows, LeastSquaresSolver.Solution solution, AbsorbedEffect? effect, bool hasIntercept,
        IReadOnlyList<string>? notes = null)
    {
        Terms = [.. terms];
        int p = terms.Length;
        int n = y.Length;
        Kept = solution.Kept;
        var keptIndex = new List<int>();
        for (int j = 0; j < p; j++) if (Kept[j]) keptIndex.Add(j);
        KeptIndex = [.. keptIndex];
        X = new double[KeptIndex.Length][];
        for (int k = 0; k < KeptIndex.Length; k++) X[k] = x[KeptIndex[k]];
        Y = y;
        Weights = weights;
        UsedRowIndices = usedRows;
        DesignRowCount = designRows;
        Beta = solution.Beta;
        Bread = solution.Bread;
        RInverse = solution.RInverse;
        Effect = effect;
        HasIntercept = hasIntercept;
        int r = KeptIndex.Length;

        var coefficients = new double[p];
        Array.Fill(coefficients, double.NaN);
        for (int k = 0; k < r; k++) coefficients[KeptIndex[k]] = Beta[k];
        Coefficients = [.. coefficients];

        var residuals = new double[n];
        y.CopyTo(residuals, 0);
        for (int k = 0; k < r; k++) DenseKernels.Axpy(-Beta[k], X[k], residuals);
        ResidualArray = residuals;

        AbsorbedRank = effect?.Count ?? 0;
        int totalRank = r + AbsorbedRank;
        if (n <= totalRank)
            throw new StatisticsException(
                $"Trop peu d'observations ({FrenchFormat.Count(n)}) pour les {FrenchFormat.Count(totalRank)} paramètres estimables du modèle : aucun degré de liberté ne reste pour estimer la variance.");

        double rss = 0, tss = 0, sumW = 0, meanY = 0, scaleY = 0;
        for (int t = 0; t < n; t++)
        {
            double w = weights?[t] ?? 1.0;
            rss += w * residuals[t] * residuals[t];
            sumW += w;
            meanY += w * yOriginal[t];
            scaleY += w * yOriginal[t] * yOriginal[t];
        }
        meanY /= sumW;
        for (int t = 0; t < n; t++)
        {
            double w = weights?[t] ?? 1.0;
            double d = hasIntercept ? yOriginal[t] - meanY : yOriginal[t];
            tss += w * d * d;
        }
        if (rss <= 1e-24 * scaleY)
            throw new StatisticsException(
                "Le modèle reproduit exactement le résultat (résidus nuls) : les erreurs-types ne peuvent pas être estimées.");
        ResidualDegreesOfFreedom = n - totalRank;
        RSquared = 1 - rss / tss;
        AdjustedRSquared = 1 - (1 - RSquared) * ((n - (hasIntercept ? 1 : 0)) / (double)ResidualDegreesOfFreedom);

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (notes is not null) warnings.AddRange(notes);
        for (int j = 0; j < p; j++)
            if (!Kept[j]) warnings.Add(Estimate.CollinearWarning(Terms[j]));
        _warnings = warnings.ToImmutable();
        Kind = effect is not null ? "OLS with absorbed fixed effect" : weights is null ? "OLS" : "WLS";
    }

    /// <summary>Term names, in design order (the intercept left out when a fixed effect is absorbed).</summary>
    public ImmutableArray<string> Terms { get; }

    /// <summary>Coefficients in <see cref="Terms"/> order; NaN for a collinear (not estimable) term.</summary>
    public ImmutableArray<double> Coefficients { get; }

    /// <summary>Number of observations used.</summary>
    public int N => Y.Length;

    /// <summary>Number of estimable coefficients (absorbed fixed effects not counted).</summary>
    public int Rank => KeptIndex.Length;

    /// <summary>Number of absorbed fixed-effect groups (0 without absorption).</summary>
    public int AbsorbedRank { get; }

    /// <summary>n minus the rank of the whole model (absorbed groups counted).</summary>
    public int ResidualDegreesOfFreedom { get; }

    /// <summary>R² (weighted for WLS; of the full model for absorbed fits), as estimatr's <c>r.squared</c>.</summary>
    public double RSquared { get; }

    /// <summary>Adjusted R², as estimatr's <c>adj.r.squared</c>.</summary>
    public double AdjustedRSquared { get; }

    /// <summary>Indices (into the design rows) of the rows used, in order.</summary>
    public ReadOnlySpan<int> UsedRows => UsedRowIndices;

    /// <summary>Residuals yᵢ − xᵢβ of the used rows (unweighted; within residuals for absorbed fits, which
    /// equal the residuals of the model with dummies).</summary>
    public ReadOnlySpan<double> Residuals => ResidualArray;

    /// <summary>Whether the fit is weighted least squares.</summary>
    public bool IsWeighted => Weights is not null;

    /// <summary>French warnings about the model (rows dropped for an infinite value, collinear terms).</summary>
    public ImmutableArray<string> Warnings => _warnings;

    internal bool[] Kept { get; }
    internal int[] KeptIndex { get; }
    internal double[][] X { get; }
    internal double[] Y { get; }
    internal double[]? Weights { get; }
    internal int[] UsedRowIndices { get; }
    internal int DesignRowCount { get; }
    internal double[] Beta { get; }
    internal double[] Bread { get; }
    internal double[] RInverse { get; }
    internal double[] ResidualArray { get; }
    internal AbsorbedEffect? Effect { get; }
    internal bool HasIntercept { get; }
    internal string Kind { get; }

    /// <summary>Homoskedastic variance s²(XᵀWX)⁻¹ with t(n − k) inference (<c>se_type = "classical"</c>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public RegressionTable Classical(double level = 0.95) =>
        HeteroskedasticityRobust.Compute(this, VarianceEstimator.Classical, level);

    /// <summary>White's HC0 sandwich with t(n − k) inference (<c>se_type = "HC0"</c>; sandwich <c>vcovHC(type = "HC0")</c>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public RegressionTable HC0(double level = 0.95) =>
        HeteroskedasticityRobust.Compute(this, VarianceEstimator.HC0, level);

    /// <summary>HC1 = HC0·n/(n − k) (<c>se_type = "HC1"</c> or <c>"stata"</c>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public RegressionTable HC1(double level = 0.95) =>
        HeteroskedasticityRobust.Compute(this, VarianceEstimator.HC1, level);

    /// <summary>
    /// HC2: squared residuals divided by 1 − hᵢᵢ (MacKinnon &amp; White 1985), estimatr's default without
    /// clusters; unbiased under homoskedasticity. An observation with leverage 1 contributes 0, as in estimatr.
    /// </summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public RegressionTable HC2(double level = 0.95) =>
        HeteroskedasticityRobust.Compute(this, VarianceEstimator.HC2, level);

    /// <summary>HC3: squared residuals divided by (1 − hᵢᵢ)² (<c>se_type = "HC3"</c>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public RegressionTable HC3(double level = 0.95) =>
        HeteroskedasticityRobust.Compute(this, VarianceEstimator.HC3, level);

    /// <summary>Cluster-robust sandwich without small-sample correction, t(J − 1) inference (<c>se_type = "CR0"</c>).</summary>
    /// <param name="clusters">Cluster code per design row (same length as the outcome).</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="StatisticsException">When the used rows form fewer than two clusters.</exception>
    public RegressionTable CR0(ReadOnlySpan<int> clusters, double level = 0.95) =>
        Regression.ClusterRobust.Compute(this, clusters, VarianceEstimator.CR0, level);

    /// <summary>
    /// Stata's cluster-robust estimator: CR0 × J(n − 1)/((J − 1)(n − k)), t(J − 1) inference
    /// (estimatr <c>se_type = "stata"</c>, clubSandwich <c>"CR1S"</c>).
    /// </summary>
    /// <param name="clusters">Cluster code per design row.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="StatisticsException">When the used rows form fewer than two clusters.</exception>
    public RegressionTable CR1(ReadOnlySpan<int> clusters, double level = 0.95) =>
        Regression.ClusterRobust.Compute(this, clusters, VarianceEstimator.CR1, level);

    /// <summary>
    /// Bell–McCaffrey bias-reduced cluster-robust variance (CR2) with Satterthwaite degrees of freedom
    /// per coefficient, exactly as estimatr's <c>lm_robust(se_type = "CR2")</c> (identical to
    /// clubSandwich's <c>coef_test(vcov = "CR2", test = "Satterthwaite")</c> for OLS and for WLS with
    /// its default working model). Recommended with few clusters (Pustejovsky &amp; Tipton 2018).
    /// </summary>
    /// <remarks>
    /// Runs in O(n k² + J k³) time and O(n) memory: no n×n nor cluster-size × cluster-size matrix is
    /// formed (the derivation is in the remarks of the internal class ClusterRobust, Regression/ClusterRobust.cs).
    /// For absorbed fixed effects, each fixed-effect group must lie within one cluster.
    /// </remarks>
    /// <param name="clusters">Cluster code per design row.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="StatisticsException">When the used rows form fewer than two clusters, or an
    /// absorbed group spans several clusters.</exception>
    public RegressionTable CR2(ReadOnlySpan<int> clusters, double level = 0.95) =>
        Regression.ClusterRobust.Compute(this, clusters, VarianceEstimator.CR2, level);

    /// <summary>
    /// A cluster-robust table with a chosen degrees-of-freedom rule: <see cref="CR0"/>, <see cref="CR1"/> or
    /// <see cref="CR2"/> with Satterthwaite's df (Bell–McCaffrey's for CR2; clubSandwich's <c>coef_test(test =
    /// "Satterthwaite")</c> for CR0 and CR1) or with G − 1.
    /// </summary>
    /// <param name="clusters">Cluster code per design row.</param>
    /// <param name="variance">CR0, CR1 or CR2.</param>
    /// <param name="degreesOfFreedom">The df rule.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A variance that is not cluster-robust.</exception>
    /// <exception cref="StatisticsException">As <see cref="CR2"/>.</exception>
    public RegressionTable ClusterRobust(ReadOnlySpan<int> clusters, VarianceEstimator variance, ClusterDegreesOfFreedom degreesOfFreedom, double level = 0.95)
    {
        if (variance is not (VarianceEstimator.CR0 or VarianceEstimator.CR1 or VarianceEstimator.CR2))
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "A cluster-robust variance (CR0, CR1, CR2) is required.");
        return Regression.ClusterRobust.Compute(this, clusters, variance, degreesOfFreedom, level);
    }

    /// <summary>A heteroskedasticity-robust or classical table (<see cref="Classical"/>, <see cref="HC0"/> … <see cref="HC3"/>), t(n − k).</summary>
    /// <param name="variance">Classical, HC0, HC1, HC2 or HC3.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A cluster-robust variance.</exception>
    public RegressionTable Heteroskedastic(VarianceEstimator variance, double level = 0.95)
    {
        if (variance is VarianceEstimator.CR0 or VarianceEstimator.CR1 or VarianceEstimator.CR2)
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "A cluster-robust variance needs clusters.");
        return HeteroskedasticityRobust.Compute(this, variance, level);
    }

    /// <summary>Prepares cheap refits on resampled rows or clusters (for bootstraps).</summary>
    public OlsRefitter CreateRefitter() => new(this);

    /// <summary>Assembles the tidy table from a covariance matrix of the kept coefficients.</summary>
    internal RegressionTable BuildTable(double[] covariance, double[] df, VarianceEstimator variance, double level, int? clusterCount,
        ClusterDegreesOfFreedom? rule = null)
    {
        ConfidenceInterval.CheckLevel(level);
        int p = Terms.Length;
        int r = Rank;
        string method = $"{Kind}, {Describe(variance, rule)}";
        var estimates = ImmutableArray.CreateBuilder<Estimate>(p);
        var full = new double[p * p];
        Array.Fill(full, double.NaN);
        for (int a = 0; a < r; a++)
            for (int b = 0; b < r; b++)
                full[KeptIndex[a] * p + KeptIndex[b]] = covariance[b * r + a];
        int k = 0;
        for (int j = 0; j < p; j++)
        {
            if (!Kept[j])
            {
                estimates.Add(Estimate.Collinear(Terms[j], level, method, N));
                continue;
            }
            estimates.Add(Estimate.FromStandardError(Terms[j], Beta[k], Math.Sqrt(covariance[k * r + k]), df[k], level, method, N, []));
            k++;
        }
        return new RegressionTable(estimates.MoveToImmutable(), N, clusterCount, RSquared, AdjustedRSquared,
            ResidualDegreesOfFreedom, variance, method, _warnings, [.. full]);
    }

    private static string Describe(VarianceEstimator variance, ClusterDegreesOfFreedom? rule) => (variance, rule) switch
    {
        (VarianceEstimator.Classical, _) => "classical",
        (VarianceEstimator.CR1, ClusterDegreesOfFreedom.Satterthwaite) => "CR1 (Stata), Satterthwaite df",
        (VarianceEstimator.CR1, _) => "CR1 (Stata)",
        (VarianceEstimator.CR2, ClusterDegreesOfFreedom.ClustersMinusOne) => "CR2, G - 1 df",
        (VarianceEstimator.CR2, _) => "CR2 (Bell-McCaffrey df)",
        (VarianceEstimator.CR0, ClusterDegreesOfFreedom.Satterthwaite) => "CR0, Satterthwaite df",
        _ => variance.ToString(),
    };
}
