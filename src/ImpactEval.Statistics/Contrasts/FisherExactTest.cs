namespace ImpactEval.Statistics;

/// <summary>Fisher's exact test of a 2×2 table, with the conditional maximum-likelihood odds ratio and its exact interval.</summary>
/// <param name="PValue">Two-sided exact p-value (sum of the probabilities of tables no more likely than the observed one).</param>
/// <param name="ConditionalOddsRatio">
/// Conditional MLE of the odds ratio (focal vs comparison); 0 when the focal group has the fewest
/// events its margins allow, <see cref="double.PositiveInfinity"/> when it has the most.
/// </param>
/// <param name="Interval">Exact conditional interval; its lower bound can be 0 and its upper bound +∞.</param>
/// <param name="Method">Description of the convention followed.</param>
public sealed record FisherExactTest(double PValue, double ConditionalOddsRatio, ConfidenceInterval Interval, string Method);
