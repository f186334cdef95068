namespace ImpactEval.Statistics;

/// <summary>
/// Raised when an estimator cannot produce a result from the data it was given (an empty group,
/// a constant outcome, every value missing…). The message is in French and names the reason, so
/// that the analysis layer can show it to the user in place of the estimate.
/// </summary>
public sealed class StatisticsException : Exception
{
    /// <summary>Creates the exception with a French, user-facing reason.</summary>
    /// <param name="reason">French sentence explaining why no estimate is possible.</param>
    public StatisticsException(string reason) : base(reason) { }
}
