namespace ImpactEval.Collection.Cohorts;

/// <summary>Completeness of one wave for one group in one school (or over all of them when a key is null).</summary>
/// <param name="Wave">Wave code.</param>
/// <param name="Group">Group at enrolment, or null for all groups.</param>
/// <param name="Cluster">School, or null for all schools.</param>
/// <param name="Expected">Participants expected at the wave (every state but <see cref="WaveState.NotExpected"/>).</param>
/// <param name="Collected">Participants with at least one value.</param>
/// <param name="Late">Of those, collected after the window closed.</param>
/// <param name="Overdue">Window closed, nothing collected, still followed.</param>
/// <param name="Left">Nothing collected, left the follow-up.</param>
/// <param name="NotYetDue">Window not opened yet, or open and not collected yet.</param>
public sealed record Completeness(string Wave, string? Group, string? Cluster, int Expected, int Collected, int Late, int Overdue, int Left, int NotYetDue)
{
    /// <summary>Participants whose wave is due: expected minus those not yet due.</summary>
    public int Due => Expected - NotYetDue;

    /// <summary>Collected / due, or null when nothing is due yet.</summary>
    public double? Rate => Due == 0 ? null : (double)Collected / Due;
}
