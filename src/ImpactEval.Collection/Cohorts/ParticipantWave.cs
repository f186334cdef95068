namespace ImpactEval.Collection.Cohorts;

/// <summary>One participant at one wave: when it is due (from the protocol) and what was collected.</summary>
/// <param name="EnrolmentId">The enrolment's key in the store.</param>
/// <param name="Pseudonym">The participant's pseudonym (the cité maps it back with its own roster).</param>
/// <param name="Group">Group at enrolment (intention to treat).</param>
/// <param name="CurrentGroup">Group after the latest change (as treated); equal to <paramref name="Group"/> when it never changed.</param>
/// <param name="Cluster">School (cluster unit), if any.</param>
/// <param name="Status">Current enrolment status.</param>
/// <param name="Wave">Wave code.</param>
/// <param name="DueOn">Scheduled date (fixed date, or enrolment date + offset).</param>
/// <param name="WindowOpens">First day of the collection window.</param>
/// <param name="WindowCloses">Last day of the collection window.</param>
/// <param name="CollectedOn">Collection date of the values (the latest when they differ; the day they were recorded when no date was given); null when nothing was collected.</param>
/// <param name="State">Where it stands on the day of the report.</param>
public sealed record ParticipantWave(
    int EnrolmentId,
    string Pseudonym,
    string Group,
    string CurrentGroup,
    string? Cluster,
    EnrolmentStatus Status,
    string Wave,
    DateOnly DueOn,
    DateOnly WindowOpens,
    DateOnly WindowCloses,
    DateOnly? CollectedOn,
    WaveState State)
{
    /// <summary>Days past the end of the window on <paramref name="today"/> (0 when not overdue).</summary>
    public int DaysOverdue(DateOnly today) => State == WaveState.Overdue ? today.DayNumber - WindowCloses.DayNumber : 0;
}
