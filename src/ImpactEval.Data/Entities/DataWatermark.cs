namespace ImpactEval.Data.Entities;

/// <summary>
/// How far the worker has looked into a protocol's changes: the last import and the protocol version for which a recomputation was
/// requested, and since when a requested recomputation is waiting (to coalesce a burst of imports into one).
/// </summary>
public sealed class DataWatermark
{
    /// <summary>The protocol (primary key).</summary>
    public int ProtocolId { get; set; }

    /// <summary>The highest import id already covered by a requested recomputation.</summary>
    public int LastImportId { get; set; }

    /// <summary>The protocol version already covered by a requested recomputation.</summary>
    public int ProtocolVersion { get; set; }

    /// <summary>When the oldest change not yet recomputed was seen (UTC), null when none is waiting.</summary>
    public DateTime? PendingSince { get; set; }

    /// <summary>When the watermark last moved (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
