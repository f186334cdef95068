namespace ImpactEval.Statistics;

/// <summary>
/// Rank-based comparison of an ordinal (or skewed numeric) outcome between a focal and a comparison
/// group: the Wilcoxon–Mann–Whitney test, the probability of superiority and Cliff's delta, both with
/// Brunner–Munzel inference.
/// </summary>
/// <param name="FocalLabel">Label of the focal group.</param>
/// <param name="ComparisonLabel">Label of the comparison group.</param>
/// <param name="FocalN">Number of non-missing focal values used.</param>
/// <param name="ComparisonN">Number of non-missing comparison values used.</param>
/// <param name="Wilcoxon">The Wilcoxon–Mann–Whitney test (R's <c>wilcox.test</c> defaults).</param>
/// <param name="ProbabilityOfSuperiority">
/// P(X &gt; Y) + ½P(X = Y) for a random focal value X and comparison value Y (0.5 = no difference),
/// with the Brunner–Munzel SE, t statistic for the null value 0.5, df, p-value and t interval.
/// </param>
/// <param name="CliffsDelta">
/// Cliff's delta P(X &gt; Y) − P(X &lt; Y) = 2·PS − 1, in [−1, 1] (0 = no difference), with the
/// Brunner–Munzel interval transformed the same way; same statistic, df and p-value.
/// </param>
public sealed record RankContrast(
    string FocalLabel,
    string ComparisonLabel,
    int FocalN,
    int ComparisonN,
    WilcoxonTest Wilcoxon,
    Estimate ProbabilityOfSuperiority,
    Estimate CliffsDelta);
