using System.Collections.Immutable;
using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Two-group comparisons of a binary outcome (coded 1 = event, 0 = no event): risk difference,
/// risk ratio, odds ratio and Fisher's exact test, one method per interval policy.
/// </summary>
/// <remarks>
/// Zero cells: the risk difference and Fisher's test need no correction. The log-scale intervals of
/// the risk ratio and odds ratio do: when a needed cell is zero (risk ratio: no event in a group;
/// odds ratio: any zero cell), 0.5 is added to each of the four cells (Haldane 1956, Anscombe 1956)
/// and a French warning says so. When the outcome is the same for everybody (no event at all, or
/// events only), no comparison is possible and every method throws <see cref="StatisticsException"/>.
/// </remarks>
public static class BinaryContrasts
{
    /// <summary>Builds the 2×2 table of a binary outcome in two groups, dropping missing values.</summary>
    /// <param name="focal">Focal group outcomes: 1 (event), 0 (no event) or NaN (missing).</param>
    /// <param name="comparison">Comparison group outcomes, same coding.</param>
    /// <returns>Events and non-missing counts per group.</returns>
    /// <exception cref="ArgumentException">A value other than 0, 1 or NaN is present.</exception>
    public static TwoByTwoTable Table(GroupSample focal, GroupSample comparison)
    {
        var (e1, n1) = CountEvents(focal);
        var (e2, n2) = CountEvents(comparison);
        return new TwoByTwoTable(focal.Label, e1, n1, comparison.Label, e2, n2);
    }

    /// <summary>All binary measures for two groups of 0/1 outcomes (missing values dropped).</summary>
    /// <param name="focal">Focal group outcomes: 1, 0 or NaN (missing).</param>
    /// <param name="comparison">Comparison group outcomes, same coding.</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>Risks, risk difference, risk ratio, odds ratio and Fisher's test.</returns>
    /// <exception cref="StatisticsException">A group has no non-missing value, or the outcome is the same for everybody.</exception>
    /// <exception cref="ArgumentException">A value other than 0, 1 or NaN is present.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static BinaryContrast Compare(GroupSample focal, GroupSample comparison, double level = 0.95) =>
        Compare(Table(focal, comparison), level);

    /// <summary>All binary measures for a 2×2 table.</summary>
    /// <param name="table">Events and totals per group.</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>Risks, risk difference, risk ratio, odds ratio and Fisher's test.</returns>
    /// <exception cref="StatisticsException">A group has no observation, or the outcome is the same for everybody.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Counts are inconsistent, or the level is outside (0, 1).</exception>
    public static BinaryContrast Compare(TwoByTwoTable table, double level = 0.95)
    {
        Validate(table, level);
        return new BinaryContrast(table,
            Proportions.Wilson(table.FocalEvents, table.FocalN, level),
            Proportions.Wilson(table.ComparisonEvents, table.ComparisonN, level),
            NewcombeRiskDifference(table, level), KatzRiskRatio(table, level), WoolfOddsRatio(table, level),
            FisherExact(table, level));
    }

    /// <summary>
    /// Risk difference (focal − comparison) with the Newcombe hybrid score interval, built from the
    /// two Wilson score intervals.
    /// </summary>
    /// <param name="table">Events and totals per group.</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>
    /// The difference in proportions. <see cref="Estimate.StandardError"/> is the unpooled Wald SE
    /// √(p₁q₁/n₁ + p₂q₂/n₂) (for meta-analysis or power); the statistic is the pooled score z and the
    /// p-value that of R's <c>prop.test(c(a, c), c(n1, n2), correct = FALSE)</c> (equal to the
    /// uncorrected chi-square test of the 2×2 table).
    /// </returns>
    /// <exception cref="StatisticsException">A group has no observation, or the outcome is the same for everybody.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Counts are inconsistent, or the level is outside (0, 1).</exception>
    /// <remarks>
    /// Newcombe (1998), "Interval estimation for the difference between independent proportions:
    /// comparison of eleven methods", Statistics in Medicine 17, method 10: with Wilson limits
    /// (l₁, u₁), (l₂, u₂), the interval is d − √((p₁ − l₁)² + (u₂ − p₂)²) to d + √((u₁ − p₁)² + (p₂ − l₂)²).
    /// It behaves well for small samples and for proportions near 0 or 1, unlike the Wald interval.
    /// </remarks>
    public static Estimate NewcombeRiskDifference(TwoByTwoTable table, double level = 0.95)
    {
        Validate(table, level);
        double n1 = table.FocalN, n2 = table.ComparisonN;
        double p1 = table.FocalEvents / n1, p2 = table.ComparisonEvents / n2;
        var w1 = Proportions.WilsonInterval(table.FocalEvents, table.FocalN, level);
        var w2 = Proportions.WilsonInterval(table.ComparisonEvents, table.ComparisonN, level);
        var d = p1 - p2;
        var lower = d - Math.Sqrt(Square(p1 - w1.Lower) + Square(w2.Upper - p2));
        var upper = d + Math.Sqrt(Square(w1.Upper - p1) + Square(p2 - w2.Lower));
        var se = Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        var pooled = (table.FocalEvents + table.ComparisonEvents) / (n1 + n2);
        var z = d / Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return new Estimate("risk_difference", d, se, z, double.PositiveInfinity, NormalDistribution.TwoSidedPValue(z),
            new ConfidenceInterval(lower, upper, level),
            "Risk difference, Newcombe (1998) hybrid score interval (method 10); pooled score test (prop.test, correct = FALSE); SE = unpooled Wald",
            table.FocalN + table.ComparisonN, ImmutableArray<string>.Empty);
    }

    /// <summary>Risk ratio (focal / comparison) with the Katz log-scale interval.</summary>
    /// <param name="table">Events and totals per group.</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>
    /// The risk ratio. <see cref="Estimate.StandardError"/> is the SE of log(RR),
    /// √(1/a − 1/n₁ + 1/c − 1/n₂); the statistic is the Wald z = log(RR)/SE; the interval is
    /// exp(log RR ± z·SE). With no event in a group, 0.5 is added to each cell (warning).
    /// </returns>
    /// <exception cref="StatisticsException">A group has no observation, or the outcome is the same for everybody.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Counts are inconsistent, or the level is outside (0, 1).</exception>
    /// <remarks>Katz, Baptista, Azen and Pike (1978); the Wald risk-ratio interval of <c>epiR::epi.2by2</c>.</remarks>
    public static Estimate KatzRiskRatio(TwoByTwoTable table, double level = 0.95)
    {
        Validate(table, level);
        var correct = table.FocalEvents == 0 || table.ComparisonEvents == 0;
        var h = correct ? 0.5 : 0.0;
        double a = table.FocalEvents + h, n1 = table.FocalN + 2 * h, c = table.ComparisonEvents + h, n2 = table.ComparisonN + 2 * h;
        var logRr = Math.Log(a / n1 / (c / n2));
        var se = Math.Sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
        var warnings = correct
            ? ImmutableArray.Create("Un groupe ne compte aucun événement : 0,5 a été ajouté à chaque case du tableau (correction de Haldane-Anscombe) pour estimer le rapport des risques ; l'estimation est fragile.")
            : ImmutableArray<string>.Empty;
        return LogScale("risk_ratio", logRr, se, level,
            "Risk ratio, Katz log-scale Wald interval (SE on the log scale)" + (correct ? ", Haldane-Anscombe 0.5 correction" : ""),
            table.FocalN + table.ComparisonN, warnings);
    }

    /// <summary>Odds ratio (focal / comparison) with the Woolf log-scale interval.</summary>
    /// <param name="table">Events and totals per group.</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>
    /// The sample odds ratio ad/(bc). <see cref="Estimate.StandardError"/> is the SE of log(OR),
    /// √(1/a + 1/b + 1/c + 1/d); the statistic is the Wald z; the interval is exp(log OR ± z·SE).
    /// With any zero cell, 0.5 is added to each cell (warning).
    /// </returns>
    /// <exception cref="StatisticsException">A group has no observation, or the outcome is the same for everybody.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Counts are inconsistent, or the level is outside (0, 1).</exception>
    /// <remarks>Woolf (1955); the Wald odds-ratio interval of <c>epiR::epi.2by2</c>. For small tables see also <see cref="FisherExact"/>.</remarks>
    public static Estimate WoolfOddsRatio(TwoByTwoTable table, double level = 0.95)
    {
        Validate(table, level);
        var correct = table.HasZeroCell;
        var h = correct ? 0.5 : 0.0;
        double a = table.FocalEvents + h, b = table.FocalNonEvents + h, c = table.ComparisonEvents + h, d = table.ComparisonNonEvents + h;
        var logOr = Math.Log(a * d / (b * c));
        var se = Math.Sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        var warnings = correct
            ? ImmutableArray.Create("Une case du tableau 2×2 est nulle : 0,5 a été ajouté à chaque case (correction de Haldane-Anscombe) pour estimer le rapport des cotes ; l'estimation est fragile, préférer le test exact de Fisher.")
            : ImmutableArray<string>.Empty;
        return LogScale("odds_ratio", logOr, se, level,
            "Odds ratio, Woolf log-scale Wald interval (SE on the log scale)" + (correct ? ", Haldane-Anscombe 0.5 correction" : ""),
            table.FocalN + table.ComparisonN, warnings);
    }

    /// <summary>Fisher's exact test with the conditional maximum-likelihood odds ratio and its exact interval.</summary>
    /// <param name="table">Events and totals per group.</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>Two-sided p-value, conditional MLE odds ratio (0 or +∞ at the ends of the support) and interval.</returns>
    /// <exception cref="StatisticsException">A group has no observation, or the outcome is the same for everybody.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Counts are inconsistent, or the level is outside (0, 1).</exception>
    /// <remarks>
    /// Follows R's <c>fisher.test</c> on the table (rows = groups, columns = event / no event): the
    /// p-value sums the probabilities of tables no more likely than the observed one (relative
    /// tolerance 1e-7); the estimate and limits solve the conditional equations. R's uniroot stops at
    /// about 1e-4; this method solves to 1e-13 on the log scale, so its estimate and limits can differ
    /// from R's printed ones in the fourth or fifth significant digit, while the p-value agrees.
    /// </remarks>
    public static FisherExactTest FisherExact(TwoByTwoTable table, double level = 0.95)
    {
        Validate(table, level);
        var distribution = new ConditionalHypergeometric(table.FocalEvents, table.FocalN, table.ComparisonEvents, table.ComparisonN);
        var alpha = (1 - level) / 2;
        return new FisherExactTest(distribution.TwoSidedPValue(), distribution.ConditionalMle(),
            new ConfidenceInterval(distribution.LowerLimit(alpha), distribution.UpperLimit(alpha), level),
            "Fisher's exact test, two-sided; conditional MLE odds ratio and exact interval (fisher.test)");
    }

    private static Estimate LogScale(string term, double logValue, double se, double level, string method, int n, ImmutableArray<string> warnings)
    {
        // The Wald row on the log scale, with the value and interval exponentiated; the SE stays on the log scale.
        var log = Estimate.FromStandardError(term, logValue, se, double.PositiveInfinity, level, method, n, warnings);
        return log with
        {
            Value = Math.Exp(logValue),
            Interval = new ConfidenceInterval(Math.Exp(log.Interval.Lower), Math.Exp(log.Interval.Upper), level),
        };
    }

    private static void Validate(TwoByTwoTable table, double level)
    {
        ConfidenceInterval.CheckLevel(level);
        if (table.FocalN < 0 || table.FocalEvents < 0 || table.FocalEvents > table.FocalN)
            throw new ArgumentOutOfRangeException(nameof(table), $"Focal counts are inconsistent: {table.FocalEvents} events of {table.FocalN}.");
        if (table.ComparisonN < 0 || table.ComparisonEvents < 0 || table.ComparisonEvents > table.ComparisonN)
            throw new ArgumentOutOfRangeException(nameof(table), $"Comparison counts are inconsistent: {table.ComparisonEvents} events of {table.ComparisonN}.");
        if (table.FocalN == 0)
            throw new StatisticsException($"Le groupe « {table.FocalLabel} » ne compte aucune observation : la comparaison est impossible.");
        if (table.ComparisonN == 0)
            throw new StatisticsException($"Le groupe « {table.ComparisonLabel} » ne compte aucune observation : la comparaison est impossible.");
        if (table.FocalEvents + table.ComparisonEvents == 0)
            throw new StatisticsException($"Aucun événement dans les groupes « {table.FocalLabel} » et « {table.ComparisonLabel} » : les proportions sont toutes deux nulles et ne peuvent pas être comparées.");
        if (table.FocalNonEvents + table.ComparisonNonEvents == 0)
            throw new StatisticsException($"Tous les participants des groupes « {table.FocalLabel} » et « {table.ComparisonLabel} » présentent l'événement : les proportions valent toutes deux 1 et ne peuvent pas être comparées.");
    }

    private static (int Events, int N) CountEvents(GroupSample group)
    {
        int events = 0, n = 0;
        foreach (var v in group.Values.Span)
        {
            if (double.IsNaN(v)) continue;
            if (v == 1) events++;
            else if (v != 0)
                throw new ArgumentException($"Group '{group.Label}' contains {v}; a binary outcome must be 0, 1 or NaN.", nameof(group));
            n++;
        }
        return (events, n);
    }

    private static double Square(double x) => x * x;
}
