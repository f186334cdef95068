namespace ImpactEval.Data.Entities;

/// <summary>
/// An aggregated value of an indicator for one territory and one period (e.g. "familles touchées ce trimestre"
/// for the follow-up of an action, or an answer to a national campaign), as opposed to a participant's
/// <see cref="Observation"/>.
/// </summary>
public sealed class AggregateValue
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The territory the value describes.</summary>
    public int TerritoryId { get; set; }

    /// <summary>The indicator (of a registered protocol) whose scale the value follows.</summary>
    public int IndicatorId { get; set; }

    /// <summary>First day of the period.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The period as users write it (e.g. "2025-T1", "2024-2025").</summary>
    public required string PeriodLabel { get; set; }

    /// <summary>The stored numeric value (level value for labelled scales, 1/0 for binary).</summary>
    public double Value { get; set; }

    /// <summary>The import that last wrote this value, if it came from an import.</summary>
    public int? ImportId { get; set; }

    /// <summary>When the value was first recorded (UTC): what campaign timeliness is judged on.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>When the value was last written (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
