namespace ImpactEval.Data.Entities;

/// <summary>One value of one indicator for one participant at one wave.</summary>
public sealed class Observation
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The enrolment (participant in a protocol).</summary>
    public int EnrolmentId { get; set; }

    /// <summary>The wave.</summary>
    public int WaveId { get; set; }

    /// <summary>The indicator.</summary>
    public int IndicatorId { get; set; }

    /// <summary>The stored numeric value (level value for labelled scales, 1/0 for binary).</summary>
    public double Value { get; set; }

    /// <summary>The date the value was collected, if known.</summary>
    public DateOnly? CollectedOn { get; set; }

    /// <summary>The import that last wrote this value, if it came from an import.</summary>
    public int? ImportId { get; set; }

    /// <summary>When the value was first recorded (UTC): what campaign timeliness is judged on.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>When the value was last written (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
