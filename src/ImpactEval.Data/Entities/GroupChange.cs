namespace ImpactEval.Data.Entities;

/// <summary>
/// A participant moving from one group to another after enrolment (a comparison family joining the scheme, a
/// beneficiary family leaving it). The enrolment keeps its group at enrolment (intention to treat); the latest
/// change gives the group "as treated".
/// </summary>
public sealed class GroupChange
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The enrolment.</summary>
    public int EnrolmentId { get; set; }

    /// <summary>The group before the change.</summary>
    public int PreviousGroupId { get; set; }

    /// <summary>The group after the change.</summary>
    public int GroupId { get; set; }

    /// <summary>The date the change took effect in the field.</summary>
    public DateOnly EffectiveOn { get; set; }

    /// <summary>Why, if given.</summary>
    public string? Reason { get; set; }

    /// <summary>Who recorded the change.</summary>
    public required string RecordedBy { get; set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; set; }
}
