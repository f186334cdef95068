using System.Collections.Immutable;
using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Changes of one group observed twice (before and after the action, the same participants): the mean change with
/// its paired t interval, and the Wilcoxon signed-rank test for ordinal outcomes. Pairs with a missing value at either
/// time are dropped. A change is an observed evolution, not an effect: nothing here says what would have happened
/// without the action.
/// </summary>
public static class PairedChanges
{
    /// <summary>
    /// The mean of after − before over the complete pairs, its standard error s/√n, Student's t on n − 1 df, the
    /// two-sided p-value and the t interval: R's <c>t.test(after, before, paired = TRUE)</c>.
    /// </summary>
    /// <param name="before">Values at the first time (NaN = missing), one per participant.</param>
    /// <param name="after">Values at the second time (NaN = missing), the same participants in the same order.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="StatisticsException">Fewer than two complete pairs, or every change is the same.</exception>
    /// <exception cref="ArgumentException">The two series have different lengths.</exception>
    public static Estimate MeanChange(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        var changes = Changes(before, after);
        var n = changes.Length;
        if (n < 2) throw new StatisticsException($"Il faut au moins deux participants observés aux deux temps pour calculer une évolution ({n} ici).");
        var mean = changes.Average();
        var variance = changes.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        if (!(variance > 0)) throw new StatisticsException("Tous les participants ont exactement la même évolution : son incertitude ne peut pas être calculée.");
        var warnings = n < 10
            ? ImmutableArray.Create($"Seulement {n} participants observés aux deux temps : l'intervalle de l'évolution est très large.")
            : ImmutableArray<string>.Empty;
        return Estimate.FromStandardError("change", mean, Math.Sqrt(variance / n), n - 1, level, "Paired t (t.test(after, before, paired = TRUE))", n, warnings);
    }

    /// <summary>
    /// The Wilcoxon signed-rank test of after − before over the complete pairs, as R's
    /// <c>wilcox.test(after, before, paired = TRUE)</c>: zero changes dropped; the exact null distribution when fewer
    /// than 50 pairs remain and there are neither ties nor zeros; otherwise the normal approximation with the
    /// tie-corrected variance and a continuity correction of ½ towards the null.
    /// </summary>
    /// <param name="before">Values at the first time (NaN = missing).</param>
    /// <param name="after">Values at the second time (NaN = missing), the same participants in the same order.</param>
    /// <exception cref="StatisticsException">No pair has a non-zero change.</exception>
    /// <exception cref="ArgumentException">The two series have different lengths.</exception>
    public static SignedRankTest SignedRank(ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        var all = Changes(before, after);
        var changes = all.Where(d => d != 0).ToArray();
        var zeros = all.Length - changes.Length;
        var n = changes.Length;
        if (n == 0) throw new StatisticsException("Aucun participant n'a changé entre les deux temps : le test des rangs signés n'a rien à comparer.");
        var magnitudes = changes.Select(Math.Abs).ToArray();
        var ranks = Ranking.MidRanks(magnitudes, out var ties);
        var v = 0.0;
        for (var i = 0; i < n; i++) if (changes[i] > 0) v += ranks[i];
        var hasTies = ties.Count < n;
        if (n < 50 && !hasTies && zeros == 0)
        {
            var p = Math.Min(1.0, 2 * ExactTail(n, v));
            return new SignedRankTest(v, p, true, n, "Wilcoxon signed rank exact test (wilcox.test, paired)", []);
        }
        var centred = v - n * (n + 1) / 4.0;
        var sigma = Math.Sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - Ranking.TieCubes(ties) / 48);
        var z = (centred - Math.Sign(centred) * 0.5) / sigma;
        var warnings = n < 50
            ? ImmutableArray.Create("Des évolutions nulles ou ex æquo empêchent le calcul exact de la p-valeur du test des rangs signés : approximation normale avec correction de continuité.")
            : ImmutableArray<string>.Empty;
        return new SignedRankTest(v, NormalDistribution.TwoSidedPValue(z), false, n,
            "Wilcoxon signed rank test, normal approximation with tie and continuity correction (wilcox.test, paired)", warnings);
    }

    /// <summary>after − before of the pairs where both are observed, in participant order.</summary>
    private static double[] Changes(ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        if (before.Length != after.Length) throw new ArgumentException("Les deux temps n'ont pas le même nombre de participants.", nameof(after));
        var changes = new List<double>(before.Length);
        for (var i = 0; i < before.Length; i++)
            if (!double.IsNaN(before[i]) && !double.IsNaN(after[i])) changes.Add(after[i] - before[i]);
        return [.. changes];
    }

    /// <summary>
    /// The smaller tail of V under the null, as R's <c>psignrank</c> gives it: P(V ≥ v) when v is above n(n + 1)/4,
    /// else P(V ≤ v); the counts of the 2ⁿ sign patterns by their sum of ranks, exact in doubles for n &lt; 50.
    /// </summary>
    private static double ExactTail(int n, double v)
    {
        var max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
            for (var s = max; s >= rank; s--) counts[s] += counts[s - rank];
        var total = Math.Pow(2, n);
        var statistic = (int)Math.Round(v);
        double tail = 0;
        if (v > n * (n + 1) / 4.0) for (var s = statistic; s <= max; s++) tail += counts[s];
        else for (var s = 0; s <= statistic; s++) tail += counts[s];
        return tail / total;
    }
}
