namespace ImpactEval.Data.Entities;

/// <summary>A participant's enrolment in a protocol, in one group, in one cluster (school).</summary>
public sealed class Enrolment
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The participant.</summary>
    public int ParticipantId { get; set; }

    /// <summary>Navigation to the participant.</summary>
    public Participant? Participant { get; set; }

    /// <summary>The protocol.</summary>
    public int ProtocolId { get; set; }

    /// <summary>The group at enrolment (intention to treat); later moves are kept in <see cref="GroupChange"/>.</summary>
    public int GroupId { get; set; }

    /// <summary>Navigation to the group.</summary>
    public Group? Group { get; set; }

    /// <summary>Code of the cluster unit (e.g. the school), if the protocol has one.</summary>
    public string? ClusterCode { get; set; }

    /// <summary>Enrolment date: the origin of offset wave schedules.</summary>
    public DateOnly EnrolledOn { get; set; }

    /// <summary>Why the participant was enrolled in this group, if given.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// Current status: "active", "completed", "withdrawn", "lost" (lost to follow-up) or "moved" (moved away); its
    /// history is kept in <see cref="EnrolmentStatusChange"/>.
    /// </summary>
    public required string Status { get; set; }

    /// <summary>Baseline covariate values measured at enrolment.</summary>
    public List<BaselineValue> Baseline { get; } = [];
}
