namespace ImpactEval.Data.Entities;

/// <summary>A wave of a protocol, as of its latest version.</summary>
public sealed class Wave
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The protocol.</summary>
    public int ProtocolId { get; set; }

    /// <summary>Wave code from the protocol file, unique within the protocol.</summary>
    public required string Code { get; set; }

    /// <summary>French label.</summary>
    public required string Label { get; set; }

    /// <summary>Position in time, 0 for the first wave.</summary>
    public int Order { get; set; }

    /// <summary>Fixed due date, or null when the wave is due a number of days after enrolment.</summary>
    public DateOnly? FixedDate { get; set; }

    /// <summary>Days after enrolment, or null for a fixed date.</summary>
    public int? OffsetDays { get; set; }

    /// <summary>Days before the due date when collection may start.</summary>
    public int DaysBefore { get; set; }

    /// <summary>Days after the due date when collection is still on time.</summary>
    public int DaysAfter { get; set; }
}
