namespace ImpactEval.Statistics;

/// <summary>The result of one comparison in a focal design: the focal group against one comparison group.</summary>
/// <typeparam name="T">The contrast result type (e.g. <see cref="MeanDifference"/>, <see cref="BinaryContrast"/>, <see cref="RankContrast"/>).</typeparam>
/// <param name="FocalLabel">Label of the focal group.</param>
/// <param name="ComparisonLabel">Label of the comparison group.</param>
/// <param name="Result">The contrast, or null when it could not be estimated (see <paramref name="FailureReason"/>).</param>
/// <param name="FailureReason">The French reason from the <see cref="StatisticsException"/> when <paramref name="Result"/> is null; otherwise null.</param>
public sealed record FocalComparison<T>(string FocalLabel, string ComparisonLabel, T? Result, string? FailureReason)
    where T : class
{
    /// <summary>Whether the contrast could be estimated.</summary>
    public bool Succeeded => Result is not null;
}
