namespace ImpactEval.Statistics;

/// <summary>
/// Cluster-robust (CR1) covariance of a maximum-likelihood fit, as R's <c>sandwich::vcovCL(fit, cluster, type = "HC1")</c>:
/// V = c · B M B, with B the inverse information at the estimate, M = Σ_g u_g u_gᵀ the outer products of the summed score
/// contributions u_g of each cluster, and c = G/(G − 1) · (n − 1)/(n − k) (n observations, k parameters, G clusters).
/// </summary>
/// <remarks>
/// The likelihood models use it for the cooperation ratings of families clustered in schools. With few clusters the
/// sandwich is itself uncertain, so their intervals use Student's t with G − 1 degrees of freedom (as Stata does for
/// clustered maximum-likelihood models) rather than the normal reference. The CR2 correction that
/// <see cref="LinearModelFit.CR2"/> applies to linear models has no equivalent in <c>sandwich</c> for these models.
/// </remarks>
internal static class ClusterSandwich
{
    /// <summary>The sandwich covariance of <paramref name="type"/> and the number of clusters (of rows for HC).</summary>
    /// <param name="scores">Row-major score contributions, k per used row.</param>
    /// <param name="clusters">Cluster identifier of every input row (ignored for HC0 and HC1).</param>
    /// <param name="rows">Input row of each used row.</param>
    /// <param name="bread">Row-major k × k inverse information.</param>
    /// <param name="n">Number of rows counted in the small-sample factor.</param>
    /// <param name="k">Number of parameters.</param>
    /// <param name="type">The estimator.</param>
    /// <exception cref="StatisticsException">Fewer than two clusters.</exception>
    public static (double[] Covariance, int Clusters) Compute(double[] scores, ReadOnlySpan<int> clusters, int[] rows, double[] bread, int n, int k, SandwichEstimator type)
    {
        var byRow = type is SandwichEstimator.HC0 or SandwichEstimator.HC1;
        var index = new Dictionary<int, int>();
        var sums = new List<double[]>();
        for (var r = 0; r < rows.Length; r++)
        {
            var id = byRow ? r : clusters[rows[r]];
            if (!index.TryGetValue(id, out var g))
            {
                index[id] = g = sums.Count;
                sums.Add(new double[k]);
            }
            var u = sums[g];
            for (var a = 0; a < k; a++) u[a] += scores[r * k + a];
        }
        var count = sums.Count;
        if (count < 2)
            throw new StatisticsException("Une seule unité de regroupement (école…) parmi les observations : les erreurs-types robustes au regroupement ne peuvent pas être calculées.");
        var meat = new double[k * k];
        foreach (var u in sums)
            for (var a = 0; a < k; a++)
                for (var b = 0; b < k; b++) meat[a * k + b] += u[a] * u[b];
        var covariance = LogisticRegression.Sandwich(bread, meat, k);
        var factor = type switch
        {
            SandwichEstimator.CR1 => count / (count - 1.0) * (n - 1.0) / (n - k),
            SandwichEstimator.HC1 => n / (double)(n - k),
            _ => 1.0,
        };
        for (var i = 0; i < covariance.Length; i++) covariance[i] *= factor;
        return (covariance, count);
    }

    /// <summary>The method text of an estimate with CR1 errors.</summary>
    public static string Method(string model, int clusters) => Method(model, SandwichEstimator.CR1, clusters);

    /// <summary>The method text of an estimate with sandwich errors.</summary>
    public static string Method(string model, SandwichEstimator type, int clusters) => type switch
    {
        SandwichEstimator.CR0 or SandwichEstimator.CR1 => $"{model}, {type} cluster-robust SE ({clusters} clusters), t({clusters - 1})",
        _ => $"{model}, {type} sandwich SE, z",
    };

    /// <summary>The degrees of freedom of the reference distribution: G − 1 for cluster-robust, ∞ (normal) for HC.</summary>
    public static double DegreesOfFreedom(SandwichEstimator type, int clusters) =>
        type is SandwichEstimator.CR0 or SandwichEstimator.CR1 ? clusters - 1 : double.PositiveInfinity;

    /// <summary>The estimator a fit computes: the one asked for, else CR1 when clusters are given, else none.</summary>
    /// <exception cref="ArgumentException">A cluster-robust estimator without clusters.</exception>
    public static SandwichEstimator? Resolve(SandwichEstimator? asked, bool hasClusters)
    {
        if (asked is SandwichEstimator.CR0 or SandwichEstimator.CR1 && !hasClusters)
            throw new ArgumentException($"The {asked} sandwich needs clusters.", "sandwich");
        return asked ?? (hasClusters ? SandwichEstimator.CR1 : null);
    }
}
