namespace ImpactEval.Data.Entities;

/// <summary>One computation of a protocol's estimates, with the versions of its inputs and the result.</summary>
public sealed class EstimateRun
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The protocol.</summary>
    public int ProtocolId { get; set; }

    /// <summary>The protocol version the analyses came from.</summary>
    public int ProtocolVersion { get; set; }

    /// <summary>Fingerprint of the data used (SHA-256 over the analysis dataset): same fingerprint, same result.</summary>
    public required string DataFingerprint { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ComputedAt { get; set; }

    /// <summary>The results, serialised as JSON.</summary>
    public required string ResultJson { get; set; }
}
