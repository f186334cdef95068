namespace ImpactEval.Data.Entities;

/// <summary>A previous value of a corrected <see cref="AggregateValue"/> (who, when, why).</summary>
public sealed class AggregateValueRevision
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The corrected value.</summary>
    public long AggregateValueId { get; set; }

    /// <summary>The value before the correction.</summary>
    public double PreviousValue { get; set; }

    /// <summary>The value after the correction.</summary>
    public double NewValue { get; set; }

    /// <summary>Who made the correction.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>Why (e.g. "import de valeurs-2025-T1.csv").</summary>
    public required string Reason { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ChangedAt { get; set; }
}
