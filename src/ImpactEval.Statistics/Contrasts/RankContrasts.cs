using System.Collections.Immutable;
using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Rank-based two-group comparisons for ordinal outcomes (Likert scales, ratings) or skewed numeric ones.</summary>
public static class RankContrasts
{
    /// <summary>
    /// The Wilcoxon–Mann–Whitney test, the probability of superiority and Cliff's delta of the focal
    /// group against the comparison group.
    /// </summary>
    /// <param name="focal">Focal group values or ordinal codes (NaN = missing, dropped).</param>
    /// <param name="comparison">Comparison group values or codes (NaN = missing, dropped).</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>The test and both effect sizes.</returns>
    /// <exception cref="StatisticsException">A group has fewer than two non-missing values, or all values are equal.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <remarks>See <see cref="WilcoxonMannWhitney"/> and <see cref="BrunnerMunzel"/> for the conventions.</remarks>
    public static RankContrast Compare(GroupSample focal, GroupSample comparison, double level = 0.95)
    {
        var ps = BrunnerMunzel(focal, comparison, level);
        var wilcoxon = WilcoxonMannWhitney(focal, comparison);
        var delta = ps with
        {
            Term = "cliffs_delta",
            Value = 2 * ps.Value - 1,
            StandardError = 2 * ps.StandardError,
            Interval = new ConfidenceInterval(2 * ps.Interval.Lower - 1, 2 * ps.Interval.Upper - 1, level),
            Method = "Cliff's delta = 2 PS - 1, Brunner-Munzel t interval transformed",
        };
        var n1 = focal.Count - focal.MissingCount;
        var n2 = comparison.Count - comparison.MissingCount;
        return new RankContrast(focal.Label, comparison.Label, n1, n2, wilcoxon, ps, delta);
    }

    /// <summary>The Wilcoxon–Mann–Whitney rank-sum test (two-sided) with R's default p-value policy.</summary>
    /// <param name="focal">Focal group values (NaN = missing, dropped).</param>
    /// <param name="comparison">Comparison group values (NaN = missing, dropped).</param>
    /// <returns>W, the p-value and whether it is exact.</returns>
    /// <exception cref="StatisticsException">A group has no non-missing value, or all values are equal.</exception>
    /// <remarks>
    /// Follows R's <c>wilcox.test(x, y)</c>: the exact null distribution when both groups have fewer
    /// than 50 values and there are no ties; otherwise the normal approximation with the tie-corrected
    /// variance and a continuity correction of ½ towards the null.
    /// </remarks>
    public static WilcoxonTest WilcoxonMannWhitney(GroupSample focal, GroupSample comparison)
    {
        var (x, y, ranks, ties) = PooledRanks(focal, comparison, 1, "le test de Wilcoxon-Mann-Whitney est");
        int n1 = x.Length, n2 = y.Length;
        var rankSum = 0.0;
        for (var i = 0; i < n1; i++) rankSum += ranks[i];
        var w = rankSum - n1 * (n1 + 1) / 2.0;
        var hasTies = ties.Count < n1 + n2;
        if (n1 < 50 && n2 < 50 && !hasTies)
        {
            var distribution = new MannWhitneyDistribution(n1, n2);
            var wi = (int)Math.Round(w);
            var tail = w > n1 * n2 / 2.0 ? distribution.UpperTail(wi) : distribution.LowerTail(wi);
            return new WilcoxonTest(w, Math.Min(1.0, 2 * tail), true, "Wilcoxon rank sum exact test (wilcox.test)",
                ImmutableArray<string>.Empty);
        }
        double n = n1 + n2;
        var sigma = Math.Sqrt(n1 * (double)n2 / 12.0 * (n + 1 - Ranking.TieCubes(ties) / (n * (n - 1))));
        var centred = w - n1 * (double)n2 / 2.0;
        var z = (centred - Math.Sign(centred) * 0.5) / sigma;
        var warnings = hasTies && n1 < 50 && n2 < 50
            ? ImmutableArray.Create("Des valeurs ex æquo empêchent le calcul exact de la p-valeur du test de Wilcoxon-Mann-Whitney : approximation normale avec correction de continuité.")
            : ImmutableArray<string>.Empty;
        return new WilcoxonTest(w, NormalDistribution.TwoSidedPValue(z), false,
            "Wilcoxon rank sum test, normal approximation with tie and continuity correction (wilcox.test)", warnings);
    }

    /// <summary>
    /// The probability of superiority P(X &gt; Y) + ½P(X = Y) of the focal group, with the
    /// Brunner–Munzel variance, test of stochastic equality (PS = 0.5), df and t interval.
    /// </summary>
    /// <param name="focal">Focal group values (NaN = missing, dropped).</param>
    /// <param name="comparison">Comparison group values (NaN = missing, dropped).</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>
    /// PS as an estimate (0.5 = no difference); the statistic is (PS − 0.5)/SE with
    /// Welch–Satterthwaite-type df. The interval is PS ± t·SE, not truncated, so with small samples
    /// it can leave [0, 1] (as in statsmodels). When the groups are completely separated the
    /// Brunner–Munzel variance is 0: PS is 0 or 1, and its SE, statistic, df, p-value and interval
    /// are NaN with a French warning (use the Wilcoxon test's exact p-value instead).
    /// </returns>
    /// <exception cref="StatisticsException">A group has fewer than two non-missing values, or all values are equal.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <remarks>
    /// Brunner and Munzel (2000), "The nonparametric Behrens–Fisher problem", Biometrical Journal 42;
    /// follows <c>statsmodels.stats.nonparametric.rank_compare_2indep(x, y, use_t=True)</c> and
    /// <c>scipy.stats.brunnermunzel</c>. Unlike the Wilcoxon test it stays valid when the two groups'
    /// distributions differ in spread or shape, and it handles ties (mid-ranks).
    /// </remarks>
    public static Estimate BrunnerMunzel(GroupSample focal, GroupSample comparison, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        var (x, y, ranks, _) = PooledRanks(focal, comparison, 2, "le test de Brunner-Munzel est");
        int n1 = x.Length, n2 = y.Length;
        var inner1 = Ranking.MidRanks(x, out _);
        var inner2 = Ranking.MidRanks(y, out _);
        double mean1 = 0, mean2 = 0;
        for (var i = 0; i < n1; i++) mean1 += ranks[i];
        for (var i = 0; i < n2; i++) mean2 += ranks[n1 + i];
        mean1 /= n1;
        mean2 /= n2;
        // Placements: combined rank minus within-group rank = number of the other group's values below (ties ½).
        double s1 = 0, s2 = 0;
        for (var i = 0; i < n1; i++) s1 += Square(ranks[i] - inner1[i] - mean1 + (n1 + 1) / 2.0);
        for (var i = 0; i < n2; i++) s2 += Square(ranks[n1 + i] - inner2[i] - mean2 + (n2 + 1) / 2.0);
        s1 /= n1 - 1;
        s2 /= n2 - 1;
        var ps = (mean1 - (n1 + 1) / 2.0) / n2;
        var method = "Probability of superiority P(X>Y)+0.5P(X=Y), Brunner-Munzel variance, t interval (statsmodels rank_compare_2indep)";
        var n = n1 + n2;
        if (!(n1 * s1 + n2 * s2 > 0))
        {
            return new Estimate("prob_superiority", ps, double.NaN, double.NaN, double.NaN, double.NaN,
                new ConfidenceInterval(double.NaN, double.NaN, level), method, n,
                ImmutableArray.Create($"Les groupes « {focal.Label} » et « {comparison.Label} » sont parfaitement séparés : la variance de Brunner-Munzel est nulle, aucun intervalle ni test n'est calculable ; se reporter à la p-valeur exacte du test de Wilcoxon-Mann-Whitney."));
        }
        var se = Math.Sqrt(s1 / ((double)n2 * n2) / n1 + s2 / ((double)n1 * n1) / n2);
        var df = Square(n1 * s1 + n2 * s2) / (Square(n1 * s1) / (n1 - 1) + Square(n2 * s2) / (n2 - 1));
        var t = (ps - 0.5) / se;
        var q = TDistribution.CriticalValue(level, df);
        return new Estimate("prob_superiority", ps, se, t, df, TDistribution.TwoSidedPValue(t, df),
            new ConfidenceInterval(ps - q * se, ps + q * se, level), method, n, ImmutableArray<string>.Empty);
    }

    /// <summary>
    /// The observed values of both groups (at least <paramref name="minimum"/> each) and their
    /// mid-ranks in the pooled sample (focal first), with the tie-group sizes; throws when every value is equal.
    /// </summary>
    private static (double[] X, double[] Y, double[] Ranks, List<int> Ties) PooledRanks(
        GroupSample focal, GroupSample comparison, int minimum, string purpose)
    {
        var x = Checks.Observed(focal, minimum, purpose);
        var y = Checks.Observed(comparison, minimum, purpose);
        var combined = new double[x.Length + y.Length];
        x.CopyTo(combined, 0);
        y.CopyTo(combined, x.Length);
        var ranks = Ranking.MidRanks(combined, out var ties);
        if (ties.Count == 1)
            throw new StatisticsException($"Toutes les valeurs des groupes « {focal.Label} » et « {comparison.Label} » sont identiques : aucune comparaison de rangs n'est possible.");
        return (x, y, ranks, ties);
    }

    private static double Square(double v) => v * v;
}
