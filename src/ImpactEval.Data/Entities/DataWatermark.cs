namespace ImpactEval.Data.Entities;

/// <summary>
/// A protocol's side of the data watch: the protocol version a recomputation was last requested for, and since when a
/// requested recomputation is waiting (to coalesce a burst of changes into one).
/// </summary>
public sealed class DataWatermark
{
    /// <summary>The protocol (primary key).</summary>
    public int ProtocolId { get; set; }

    /// <summary>The protocol version already covered by a requested recomputation.</summary>
    public int ProtocolVersion { get; set; }

    /// <summary>When the oldest change not yet recomputed was seen (UTC), null when none is waiting.</summary>
    public DateTime? PendingSince { get; set; }

    /// <summary>When the watermark last moved (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
