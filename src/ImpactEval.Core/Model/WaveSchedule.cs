namespace ImpactEval.Core.Model;

/// <summary>
/// When a wave is due: either a fixed calendar date, or an offset in days from each participant's
/// enrolment; and the collection window around that due date.
/// </summary>
/// <param name="FixedDate">The due date for every participant, or null for an offset schedule.</param>
/// <param name="OffsetDays">Days after enrolment, or null for a fixed date.</param>
/// <param name="DaysBefore">How many days before the due date collection may start (≥ 0).</param>
/// <param name="DaysAfter">How many days after the due date collection is still on time (≥ 0).</param>
public sealed record WaveSchedule(DateOnly? FixedDate, int? OffsetDays, int DaysBefore, int DaysAfter)
{
    /// <summary>The due date for a participant enrolled on <paramref name="enrolledOn"/>.</summary>
    public DateOnly DueDate(DateOnly enrolledOn) =>
        FixedDate ?? enrolledOn.AddDays(OffsetDays ?? 0);

    /// <summary>First day of the collection window for a participant enrolled on <paramref name="enrolledOn"/>.</summary>
    public DateOnly WindowOpens(DateOnly enrolledOn) => DueDate(enrolledOn).AddDays(-DaysBefore);

    /// <summary>Last day of the collection window for a participant enrolled on <paramref name="enrolledOn"/>.</summary>
    public DateOnly WindowCloses(DateOnly enrolledOn) => DueDate(enrolledOn).AddDays(DaysAfter);
}
