using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Two-group differences in means with t-based inference, one method per variance policy.</summary>
public static class MeanContrasts
{
    /// <summary>
    /// Difference in means (focal − comparison) with Welch's unequal-variance standard error,
    /// Welch–Satterthwaite degrees of freedom, t test and interval.
    /// </summary>
    /// <param name="focal">Focal group values (NaN = missing, dropped).</param>
    /// <param name="comparison">Comparison group values (NaN = missing, dropped).</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>The difference, with <see cref="Estimate.N"/> the number of values used in both groups.</returns>
    /// <exception cref="StatisticsException">A group has fewer than two non-missing values, or both groups are constant (zero standard error).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <remarks>
    /// Follows R's <c>t.test(x, y, var.equal = FALSE)</c>. This is the recommended default: it does
    /// not assume equal variances and loses little when they are equal (Welch 1947; Delacre,
    /// Lakens and Leys 2017). One constant group is allowed (its variance is 0). See
    /// <see cref="Student"/> for the pooled-variance version.
    /// </remarks>
    public static MeanDifference Welch(GroupSample focal, GroupSample comparison, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        var x = Checks.Observed(focal, 2, "la comparaison de moyennes de Welch est");
        var y = Checks.Observed(comparison, 2, "la comparaison de moyennes de Welch est");
        double mx = Moments.Mean(x), my = Moments.Mean(y);
        double vx = Moments.Variance(x, mx) / x.Length, vy = Moments.Variance(y, my) / y.Length;
        var se = Math.Sqrt(vx + vy);
        if (!(se > 0)) throw ConstantGroups(focal, comparison);
        var df = (vx + vy) * (vx + vy) / (vx * vx / (x.Length - 1) + vy * vy / (y.Length - 1));
        return Build(focal, comparison, x.Length, y.Length, mx, my, se, df, level,
            "Welch two-sample t (t.test, var.equal = FALSE)");
    }

    /// <summary>
    /// Difference in means (focal − comparison) with the pooled-variance (Student) standard error,
    /// n₁ + n₂ − 2 degrees of freedom, t test and interval.
    /// </summary>
    /// <param name="focal">Focal group values (NaN = missing, dropped).</param>
    /// <param name="comparison">Comparison group values (NaN = missing, dropped).</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>The difference, with <see cref="Estimate.N"/> the number of values used in both groups.</returns>
    /// <exception cref="StatisticsException">A group has no non-missing value, there are fewer than three values in all, or both groups are constant.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <remarks>
    /// Follows R's <c>t.test(x, y, var.equal = TRUE)</c>, including its acceptance of a single value
    /// in one group (that group then contributes nothing to the pooled variance). It assumes equal
    /// variances; prefer <see cref="Welch"/> unless the design says otherwise.
    /// </remarks>
    public static MeanDifference Student(GroupSample focal, GroupSample comparison, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        var x = Checks.Observed(focal, 1, "la comparaison de moyennes est");
        var y = Checks.Observed(comparison, 1, "la comparaison de moyennes est");
        var df = x.Length + y.Length - 2.0;
        if (df < 1)
            throw new StatisticsException($"Les groupes « {focal.Label} » et « {comparison.Label} » ne comptent qu'une observation chacun : la variance commune ne peut pas être estimée.");
        double mx = Moments.Mean(x), my = Moments.Mean(y);
        var pooled = 0.0;
        if (x.Length > 1) pooled += (x.Length - 1) * Moments.Variance(x, mx);
        if (y.Length > 1) pooled += (y.Length - 1) * Moments.Variance(y, my);
        pooled /= df;
        var se = Math.Sqrt(pooled * (1.0 / x.Length + 1.0 / y.Length));
        if (!(se > 0)) throw ConstantGroups(focal, comparison);
        return Build(focal, comparison, x.Length, y.Length, mx, my, se, df, level,
            "Student two-sample t, pooled variance (t.test, var.equal = TRUE)");
    }

    private static StatisticsException ConstantGroups(GroupSample focal, GroupSample comparison) =>
        new($"Les valeurs sont constantes dans les groupes « {focal.Label} » et « {comparison.Label} » : l'erreur-type de la différence est nulle et aucun test n'est possible.");

    private static MeanDifference Build(GroupSample focal, GroupSample comparison, int nx, int ny,
        double mx, double my, double se, double df, double level, string method)
    {
        var estimate = Estimate.FromStandardError("mean_difference", mx - my, se, df, level, method, nx + ny, []);
        return new MeanDifference(focal.Label, comparison.Label, mx, my, nx, ny, estimate);
    }
}
