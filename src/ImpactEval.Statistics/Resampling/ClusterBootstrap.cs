using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Cluster (block) bootstrap: whole clusters are drawn with replacement, and a caller-supplied
/// statistic is recomputed on the rows of the drawn clusters.
/// </summary>
/// <remarks>
/// This is the nonparametric "pairs cluster bootstrap" (Davison &amp; Hinkley 1997, §3.8; Cameron,
/// Gelbach &amp; Miller 2008) with the percentile interval of R's <c>boot.ci(type = "perc")</c>.
/// Reproducibility contract: with the same data, seed and replications the result is bit-identical on
/// any machine. Replication b draws G cluster positions with <see cref="Xoshiro256StarStar.NextInt"/>
/// (G = number of distinct clusters, numbered in order of first appearance) and passes the
/// statistic the row indices of the drawn clusters, cluster after cluster, each cluster's rows in
/// their original order; a cluster drawn twice appears twice. The statistic must not keep the span.
/// With few clusters (fewer than about 20–30) percentile intervals tend to be too narrow; a
/// warning says so.
/// </remarks>
public static class ClusterBootstrap
{
    /// <summary>Cluster bootstrap with percentile interval; clusters given as integer codes per row.</summary>
    /// <param name="clusters">Cluster code of each row (any integers; rows sharing a code form a cluster).</param>
    /// <param name="statistic">
    /// Computes the statistic from row indices into the caller's data (e.g. a mean, or an OLS refit).
    /// It may throw <see cref="StatisticsException"/> or return NaN when a resample makes it
    /// undefined: such replications are counted as failed, never hidden. Other exceptions propagate.
    /// </param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <param name="replications">Number of bootstrap replications (≥ 1; 1,999 or more for a 95 % interval).</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="term">Name of the statistic in the returned <see cref="Estimate"/>.</param>
    /// <exception cref="StatisticsException">Fewer than two clusters, the statistic is undefined on the full data, fewer than two valid replications, or all replications are equal.</exception>
    /// <exception cref="ArgumentOutOfRangeException">replications &lt; 1 or level outside (0, 1).</exception>
    public static BootstrapResult Percentile(ReadOnlySpan<int> clusters, Func<ReadOnlySpan<int>, double> statistic, ulong seed,
        int replications = 1999, double level = 0.95, string term = "statistic")
    {
        var codes = new Dictionary<int, int>();
        var dense = new int[clusters.Length];
        for (var i = 0; i < clusters.Length; i++)
        {
            if (!codes.TryGetValue(clusters[i], out var id))
            {
                id = codes.Count;
                codes.Add(clusters[i], id);
            }
            dense[i] = id;
        }
        return Run(dense, codes.Count, statistic, seed, replications, level, term);
    }

    /// <summary>Cluster bootstrap with percentile interval; clusters given as string labels per row (e.g. school names).</summary>
    /// <param name="clusters">Cluster label of each row (compared ordinally; null is not allowed).</param>
    /// <param name="statistic">Statistic computed from row indices (see the integer overload).</param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <param name="replications">Number of bootstrap replications (≥ 1).</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="term">Name of the statistic in the returned <see cref="Estimate"/>.</param>
    /// <exception cref="StatisticsException">As for the integer overload.</exception>
    /// <exception cref="ArgumentException">A label is null.</exception>
    public static BootstrapResult Percentile(ReadOnlySpan<string> clusters, Func<ReadOnlySpan<int>, double> statistic, ulong seed,
        int replications = 1999, double level = 0.95, string term = "statistic")
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var dense = new int[clusters.Length];
        for (var i = 0; i < clusters.Length; i++)
        {
            var label = clusters[i] ?? throw new ArgumentException($"Cluster label at row {i} is null.", nameof(clusters));
            if (!codes.TryGetValue(label, out var id))
            {
                id = codes.Count;
                codes.Add(label, id);
            }
            dense[i] = id;
        }
        return Run(dense, codes.Count, statistic, seed, replications, level, term);
    }

    private static BootstrapResult Run(int[] dense, int clusterCount, Func<ReadOnlySpan<int>, double> statistic, ulong seed,
        int replications, double level, string term)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        ConfidenceInterval.CheckLevel(level);
        if (clusterCount < 2)
        {
            throw new StatisticsException(
                $"Le bootstrap par grappes demande au moins deux grappes ({clusterCount} trouvée(s)) : la variabilité entre grappes ne peut pas être estimée.");
        }

        // Rows grouped by cluster (compressed layout: rows of cluster c are rows[offsets[c]..offsets[c + 1]]).
        var offsets = new int[clusterCount + 1];
        foreach (var c in dense) offsets[c + 1]++;
        var largest = 0;
        for (var c = 0; c < clusterCount; c++)
        {
            largest = Math.Max(largest, offsets[c + 1]);
            offsets[c + 1] += offsets[c];
        }
        var rows = new int[dense.Length];
        var fill = (int[])offsets.Clone();
        for (var i = 0; i < dense.Length; i++) rows[fill[dense[i]]++] = i;

        var all = new int[dense.Length];
        for (var i = 0; i < all.Length; i++) all[i] = i;
        var original = statistic(all);
        if (!double.IsFinite(original))
        {
            throw new StatisticsException("La statistique n'est pas calculable sur l'échantillon complet : le bootstrap n'a pas de sens.");
        }

        var rng = new Xoshiro256StarStar(seed);
        var buffer = new int[checked(clusterCount * largest)];
        var replicates = new double[replications];
        var valid = 0;
        var failed = 0;
        for (var b = 0; b < replications; b++)
        {
            var length = 0;
            for (var draw = 0; draw < clusterCount; draw++)
            {
                var c = rng.NextInt(clusterCount);
                var start = offsets[c];
                var size = offsets[c + 1] - start;
                Array.Copy(rows, start, buffer, length, size);
                length += size;
            }
            double value;
            try
            {
                value = statistic(new ReadOnlySpan<int>(buffer, 0, length));
            }
            catch (StatisticsException)
            {
                failed++;
                continue;
            }
            if (double.IsFinite(value)) replicates[valid++] = value;
            else failed++;
        }

        if (valid < 2)
        {
            throw new StatisticsException(
                $"Seules {valid} réplication(s) bootstrap sur {replications} ont pu être calculées : aucun intervalle n'est possible.");
        }
        var validSpan = replicates.AsSpan(0, valid);
        var mean = Moments.Mean(validSpan);
        var se = Math.Sqrt(Moments.Variance(validSpan, mean));
        if (se == 0)
        {
            throw new StatisticsException(
                "Toutes les réplications bootstrap donnent la même valeur : l'erreur-type bootstrap est nulle (résultat constant ?).");
        }
        var interval = BootstrapInterval.Percentile(validSpan, level, out var usedExtremes);

        var warnings = new List<string>();
        if (failed > 0)
        {
            warnings.Add(
                $"{failed} réplication(s) bootstrap sur {replications} n'ont pas pu être calculées (statistique non définie sur le rééchantillon) et ont été écartées : l'erreur-type et l'intervalle reposent sur {valid} réplications.");
        }
        if (usedExtremes)
        {
            warnings.Add("Trop peu de réplications pour ce niveau de confiance : une borne de l'intervalle est la valeur extrême des réplications.");
        }
        if (clusterCount < 20)
        {
            warnings.Add($"Avec seulement {clusterCount} grappes, l'intervalle bootstrap par grappes tend à être trop étroit.");
        }

        var z = original / se;
        var p = NormalDistribution.TwoSidedPValue(z);
        var estimate = new Estimate(term, original, se, z, double.PositiveInfinity, p, interval,
            "Cluster bootstrap (whole clusters resampled), percentile interval as boot.ci(type = \"perc\"); z test with bootstrap SE",
            dense.Length, warnings.ToImmutableArray());
        return new BootstrapResult(estimate, replications, valid, failed, clusterCount, seed, mean - original,
            validSpan.ToArray().ToImmutableArray());
    }
}
