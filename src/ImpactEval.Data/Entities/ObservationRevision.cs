namespace ImpactEval.Data.Entities;

/// <summary>A previous value of an observation, kept when it was corrected (who, when, why).</summary>
public sealed class ObservationRevision
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The corrected observation.</summary>
    public long ObservationId { get; set; }

    /// <summary>The value before the correction.</summary>
    public double PreviousValue { get; set; }

    /// <summary>The collection date before the correction.</summary>
    public DateOnly? PreviousCollectedOn { get; set; }

    /// <summary>The value after the correction.</summary>
    public double NewValue { get; set; }

    /// <summary>Who made the correction.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>Why (e.g. "import de observations-T2.csv").</summary>
    public required string Reason { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ChangedAt { get; set; }
}
