namespace ImpactEval.Reporting.Disclosure;

/// <summary>
/// The rules for what a group's statistics may tell about its members, beyond the counts: a group below the threshold
/// publishes no distribution, share, mean or standard deviation; in a small group, dominance (every member at the same
/// value) is masked. Pure.
/// </summary>
public static class GroupDisclosure
{
    /// <summary>
    /// Whether a group of <paramref name="n"/> members is small for the dominance rule: fewer than twice the threshold
    /// (10 at threshold 5), so that a group where everyone gives the same answer cannot be told apart from one with a
    /// hidden minority. Larger groups publish a 0 % or 100 % share: the answer is then a fact about the group.
    /// </summary>
    /// <param name="n">Members with a value.</param>
    /// <param name="threshold">Smallest publishable count.</param>
    public static bool IsSmall(int n, int threshold) => threshold > 1 && n > 0 && n < 2 * threshold;

    /// <summary>
    /// Whether the values of a group are all the same: one level holds every value (a share of 100 %, the others 0 %), or
    /// the standard deviation is zero.
    /// </summary>
    /// <param name="n">Members with a value.</param>
    /// <param name="levelCounts">Counts per level for a labelled indicator, or null.</param>
    /// <param name="standardDeviation">The group's standard deviation, or null.</param>
    public static bool IsDominated(int n, IReadOnlyCollection<int>? levelCounts, double? standardDeviation) =>
        n > 0 && ((levelCounts is not null && levelCounts.Contains(n)) || (n > 1 && standardDeviation is 0.0));

    /// <summary>
    /// Whether an estimator's result is a function of the two groups' published summaries that gives one back from the
    /// other: a raw difference of means or of shares, a ratio of shares, an unadjusted odds ratio, the probability of
    /// superiority of a yes/no indicator. Such an estimate is published only when both groups' summaries are.
    /// </summary>
    /// <param name="estimator">The analysis' estimator.</param>
    /// <param name="adjusts">Whether it adjusts on covariates or a baseline value (then it is not a function of the two summaries alone).</param>
    public static bool IsInvertible(Core.Model.Estimator estimator, bool adjusts) => estimator switch
    {
        Core.Model.Estimator.DifferenceInMeans or Core.Model.Estimator.RiskDifference or Core.Model.Estimator.RiskRatio => true,
        Core.Model.Estimator.Logistic or Core.Model.Estimator.OrderedLogit or Core.Model.Estimator.Wilcoxon or Core.Model.Estimator.BrunnerMunzel => !adjusts,
        _ => false,
    };
}

/// <summary>The disclosure decision of a report: the ledger of every count it publishes and what is hidden.</summary>
/// <param name="Ledger">Every published count with the relations between them (including the published means).</param>
/// <param name="Plan">What is hidden.</param>
public sealed record DisclosureAudit(CountLedger Ledger, SuppressionPlan Plan);
