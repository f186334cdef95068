namespace ImpactEval.Data.Entities;

/// <summary>
/// One change of an enrolment's status (active → withdrawn, lost to follow-up, moved away, completed, or back to
/// active), kept forever: the enrolment's <see cref="Enrolment.Status"/> is the latest of these.
/// </summary>
public sealed class EnrolmentStatusChange
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The enrolment.</summary>
    public int EnrolmentId { get; set; }

    /// <summary>The status before the change ("active", "completed", "withdrawn", "lost", "moved").</summary>
    public required string PreviousStatus { get; set; }

    /// <summary>The status after the change.</summary>
    public required string Status { get; set; }

    /// <summary>The date the change took effect in the field (e.g. the day the family moved away).</summary>
    public DateOnly EffectiveOn { get; set; }

    /// <summary>Why (required for a withdrawal); never a name or other directly identifying data.</summary>
    public string? Reason { get; set; }

    /// <summary>Who recorded the change.</summary>
    public required string RecordedBy { get; set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; set; }
}
