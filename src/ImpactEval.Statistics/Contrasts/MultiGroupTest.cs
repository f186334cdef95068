using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>A global test of equality across several groups (F or chi-square reference distribution).</summary>
/// <param name="Method">Description of the test and the R function whose convention it follows.</param>
/// <param name="GroupLabels">Labels of the groups compared, in input order.</param>
/// <param name="Statistic">Test statistic (F for Welch's ANOVA, H for Kruskal–Wallis, X² for the chi-square test).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of a chi-square statistic, or numerator degrees of freedom of an F statistic.</param>
/// <param name="DenominatorDegreesOfFreedom">Denominator degrees of freedom of an F statistic; <see cref="double.PositiveInfinity"/> for a chi-square statistic.</param>
/// <param name="PValue">Upper-tail p-value, unadjusted for multiplicity.</param>
/// <param name="N">Number of observations used (non-missing, all groups).</param>
/// <param name="Warnings">French messages for a report.</param>
public sealed record MultiGroupTest(
    string Method,
    ImmutableArray<string> GroupLabels,
    double Statistic,
    double DegreesOfFreedom,
    double DenominatorDegreesOfFreedom,
    double PValue,
    int N,
    ImmutableArray<string> Warnings);
