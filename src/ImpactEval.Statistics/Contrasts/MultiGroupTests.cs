using System.Collections.Immutable;
using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Global tests of equality across two or more groups.</summary>
public static class MultiGroupTests
{
    /// <summary>Welch's one-way analysis of means, which does not assume equal variances.</summary>
    /// <param name="groups">At least two groups of numeric values (NaN = missing, dropped); labels distinct.</param>
    /// <returns>F statistic with (k − 1, Welch) degrees of freedom and its p-value.</returns>
    /// <exception cref="StatisticsException">Fewer than two groups, a group with fewer than two values, or a constant group (zero variance: Welch's weights are undefined).</exception>
    /// <exception cref="ArgumentException">Group labels repeat.</exception>
    /// <remarks>
    /// Welch (1951); follows R's <c>oneway.test(y ~ g, var.equal = FALSE)</c>. With weights
    /// wᵢ = nᵢ/sᵢ², F = Σwᵢ(ȳᵢ − ȳ_w)² / ((k − 1)(1 + 2(k − 2)A)) with
    /// A = Σ(1 − wᵢ/Σw)²/(nᵢ − 1) / (k² − 1), on k − 1 and 1/(3A) degrees of freedom.
    /// </remarks>
    public static MultiGroupTest WelchAnova(IReadOnlyList<GroupSample> groups)
    {
        var data = Prepare(groups, 2, "l'analyse de variance de Welch est");
        var k = data.Length;
        var weights = new double[k];
        var means = new double[k];
        double sumW = 0, n = 0;
        for (var i = 0; i < k; i++)
        {
            means[i] = Moments.Mean(data[i]);
            var variance = Moments.Variance(data[i], means[i]);
            if (!(variance > 0))
                throw new StatisticsException($"Les valeurs du groupe « {groups[i].Label} » sont toutes identiques : l'analyse de variance de Welch (qui pondère chaque groupe par l'inverse de sa variance) n'est pas définie.");
            weights[i] = data[i].Length / variance;
            sumW += weights[i];
            n += data[i].Length;
        }
        double weightedMean = 0;
        for (var i = 0; i < k; i++) weightedMean += weights[i] * means[i];
        weightedMean /= sumW;
        double a = 0, between = 0;
        for (var i = 0; i < k; i++)
        {
            a += Math.Pow(1 - weights[i] / sumW, 2) / (data[i].Length - 1);
            between += weights[i] * Math.Pow(means[i] - weightedMean, 2);
        }
        a /= (double)k * k - 1;
        var f = between / ((k - 1) * (1 + 2 * (k - 2) * a));
        double df1 = k - 1, df2 = 1 / (3 * a);
        return new MultiGroupTest("Welch one-way ANOVA, unequal variances (oneway.test, var.equal = FALSE)",
            Labels(groups), f, df1, df2, FDistribution.UpperTail(f, df1, df2), (int)n, ImmutableArray<string>.Empty);
    }

    /// <summary>The Kruskal–Wallis rank-sum test, with the correction for ties.</summary>
    /// <param name="groups">At least two groups of values or ordinal codes (NaN = missing, dropped); labels distinct.</param>
    /// <returns>H statistic with k − 1 degrees of freedom and its chi-square p-value.</returns>
    /// <exception cref="StatisticsException">Fewer than two groups, a group with no value, or all values equal.</exception>
    /// <exception cref="ArgumentException">Group labels repeat.</exception>
    /// <remarks>
    /// Kruskal and Wallis (1952); follows R's <c>kruskal.test</c>:
    /// H = (12/(N(N + 1)) ΣRᵢ²/nᵢ − 3(N + 1)) / (1 − Σ(t³ − t)/(N³ − N)). A group may have a single value.
    /// </remarks>
    public static MultiGroupTest KruskalWallis(IReadOnlyList<GroupSample> groups)
    {
        var data = Prepare(groups, 1, "le test de Kruskal-Wallis est");
        var total = 0;
        foreach (var g in data) total += g.Length;
        var combined = new double[total];
        var offset = 0;
        foreach (var g in data) { g.CopyTo(combined, offset); offset += g.Length; }
        var ranks = Ranking.MidRanks(combined, out var ties);
        if (ties.Count == 1)
            throw new StatisticsException("Toutes les valeurs sont identiques dans tous les groupes : le test de Kruskal-Wallis n'est pas défini.");
        double n = total, sum = 0;
        offset = 0;
        foreach (var g in data)
        {
            var rankSum = 0.0;
            for (var i = 0; i < g.Length; i++) rankSum += ranks[offset + i];
            sum += rankSum * rankSum / g.Length;
            offset += g.Length;
        }
        var h = (12 * sum / (n * (n + 1)) - 3 * (n + 1)) / (1 - Ranking.TieCubes(ties) / (n * n * n - n));
        double df = data.Length - 1;
        return new MultiGroupTest("Kruskal-Wallis rank sum test, tie-corrected (kruskal.test)",
            Labels(groups), h, df, double.PositiveInfinity, ChiSquareDistribution.UpperTail(h, df), total, ImmutableArray<string>.Empty);
    }

    private static double[][] Prepare(IReadOnlyList<GroupSample> groups, int minimum, string purpose)
    {
        if (groups.Select(g => g.Label).Distinct(StringComparer.Ordinal).Count() != groups.Count)
            throw new ArgumentException("Group labels must be distinct.", nameof(groups));
        if (groups.Count < 2)
            throw new StatisticsException($"Il faut au moins deux groupes : {purpose} impossible.");
        var data = new double[groups.Count][];
        for (var i = 0; i < groups.Count; i++) data[i] = Checks.Observed(groups[i], minimum, purpose);
        return data;
    }

    private static ImmutableArray<string> Labels(IReadOnlyList<GroupSample> groups) =>
        groups.Select(g => g.Label).ToImmutableArray();
}
