namespace ImpactEval.Data.Entities;

/// <summary>One registered version of a protocol: the exact file text, kept forever.</summary>
public sealed class ProtocolVersion
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The protocol.</summary>
    public int ProtocolId { get; set; }

    /// <summary>Version number, 1 for the first registration, +1 for each changed file.</summary>
    public int Number { get; set; }

    /// <summary>SHA-256 of the file text (lower-case hex): registering the same text again creates nothing.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The exact YAML text registered.</summary>
    public required string SourceText { get; set; }

    /// <summary>The file name it was registered from.</summary>
    public required string SourceFile { get; set; }

    /// <summary>Who registered it.</summary>
    public required string RegisteredBy { get; set; }

    /// <summary>When it was registered (UTC).</summary>
    public DateTime RegisteredAt { get; set; }

    /// <summary>
    /// The evaluability verdict of this version, as JSON (ImpactEval.Analysis.Evaluability.EvaluabilityVerdict), computed
    /// when it was registered; null for versions registered before schema v7.
    /// </summary>
    public string? Evaluability { get; set; }
}
