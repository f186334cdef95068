using System.Collections.Immutable;
using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Descriptive statistics of one group: numeric summaries and distributions over scale levels.</summary>
public static class Descriptives
{
    /// <summary>
    /// Summarises a numeric indicator in one group: n, missing, mean with its t interval, standard
    /// deviation, median, quartiles (type 7), minimum and maximum.
    /// </summary>
    /// <param name="group">The group's values (NaN = missing, dropped and counted).</param>
    /// <param name="level">Confidence level of the interval for the mean, in (0, 1); default 0.95.</param>
    /// <returns>The summary; see <see cref="GroupSummary.Mean"/> for the single-value and constant cases.</returns>
    /// <exception cref="StatisticsException">The group has no non-missing value.</exception>
    /// <exception cref="ArgumentException">A value is infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <remarks>
    /// Conventions of R: <c>mean</c>, <c>sd</c>, <c>quantile(type = 7)</c>, <c>median</c> and
    /// <c>t.test(x, conf.level = level)</c> for the interval, statistic and p-value of the mean.
    /// </remarks>
    public static GroupSummary Summarize(GroupSample group, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        var x = Checks.Observed(group, 1, "le résumé descriptif est");
        var n = x.Length;
        Array.Sort(x);
        var mean = Moments.Mean(x);
        var warnings = ImmutableArray.CreateBuilder<string>();
        double sd, se, t, p, df = n - 1;
        ConfidenceInterval interval;
        if (n == 1)
        {
            sd = se = t = p = double.NaN;
            interval = new ConfidenceInterval(double.NaN, double.NaN, level);
            warnings.Add($"Le groupe « {group.Label} » ne compte qu'une observation : l'écart-type et l'intervalle de confiance de la moyenne ne peuvent pas être estimés.");
        }
        else
        {
            sd = Math.Sqrt(Moments.Variance(x, mean));
            se = sd / Math.Sqrt(n);
            var q = TDistribution.CriticalValue(level, df);
            interval = new ConfidenceInterval(mean - q * se, mean + q * se, level);
            if (se > 0)
            {
                t = mean / se;
                p = TDistribution.TwoSidedPValue(t, df);
            }
            else
            {
                t = p = double.NaN;
                warnings.Add($"Toutes les valeurs du groupe « {group.Label} » sont identiques : l'intervalle de confiance se réduit à la moyenne et aucun test n'est possible.");
            }
        }
        var w = warnings.ToImmutable();
        var meanEstimate = new Estimate("mean", mean, se, t, df, p, interval, "Mean, t interval (t.test)", n, w);
        return new GroupSummary(group.Label, n, group.MissingCount, meanEstimate, sd,
            Moments.QuantileType7(x, 0.5), Moments.QuantileType7(x, 0.25), Moments.QuantileType7(x, 0.75),
            x[0], x[n - 1], w);
    }

    /// <summary>
    /// The distribution of an ordinal or categorical indicator over its levels in one group: count,
    /// proportion and Wilson interval for each level, unobserved levels included.
    /// </summary>
    /// <param name="group">The group's level codes (NaN = missing, dropped and counted).</param>
    /// <param name="levels">The scale, in display order; codes must be distinct and cover every observed value.</param>
    /// <param name="level">Confidence level of the Wilson intervals, in (0, 1); default 0.95.</param>
    /// <returns>One share per scale level, with the non-missing count as denominator.</returns>
    /// <exception cref="StatisticsException">The group has no non-missing value.</exception>
    /// <exception cref="ArgumentException">A value is not one of the scale's codes, or codes repeat.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <remarks>Each interval is <see cref="Proportions.Wilson"/> (R's <c>prop.test(count, n, correct = FALSE)</c>).</remarks>
    public static LevelDistribution Levels(GroupSample group, IReadOnlyList<LevelLabel> levels, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        var counts = LevelCounts.Count(group, levels);
        var x = Checks.Observed(group, 1, "la répartition par modalité est");
        var shares = ImmutableArray.CreateBuilder<LevelShare>(levels.Count);
        for (var i = 0; i < levels.Count; i++)
            shares.Add(new LevelShare(levels[i], Proportions.Wilson(counts[i], x.Length, level)));
        return new LevelDistribution(group.Label, x.Length, group.MissingCount, shares.MoveToImmutable());
    }
}
