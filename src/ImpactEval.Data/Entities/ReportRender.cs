namespace ImpactEval.Data.Entities;

/// <summary>
/// A report rendered by the worker on schedule: one per protocol version, data fingerprint, template and formats,
/// so that a rerun on the same inputs (a retry, a recovery after a crash, a second node) never renders it twice.
/// </summary>
public sealed class ReportRender
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Identifies the inputs: "protocole:v2:empreinte:gabarit:formats" (unique).</summary>
    public required string Key { get; set; }

    /// <summary>The protocol.</summary>
    public int ProtocolId { get; set; }

    /// <summary>The protocol version reported.</summary>
    public int ProtocolVersion { get; set; }

    /// <summary>The fingerprint of the data reported.</summary>
    public required string DataFingerprint { get; set; }

    /// <summary>The template used.</summary>
    public required string Template { get; set; }

    /// <summary>The directory holding the files.</summary>
    public required string Directory { get; set; }

    /// <summary>The files written, separated by new lines.</summary>
    public required string Files { get; set; }

    /// <summary>When it was rendered (UTC).</summary>
    public DateTime RenderedAt { get; set; }
}
