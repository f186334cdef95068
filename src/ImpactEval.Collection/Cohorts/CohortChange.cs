namespace ImpactEval.Collection.Cohorts;

/// <summary>The outcome of a change to a participant's follow-up (status or group).</summary>
/// <param name="Applied">Whether the change was recorded.</param>
/// <param name="Message">What was done, or why it was refused, in French.</param>
public sealed record CohortChange(bool Applied, string Message)
{
    internal static CohortChange Refused(string message) => new(false, message);
}
