namespace ImpactEval.Data.Entities;

/// <summary>One accepted import of a file (enrolments or observations), with what it changed.</summary>
public sealed class Import
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The protocol the file was imported into.</summary>
    public int ProtocolId { get; set; }

    /// <summary>"enrolments", "observations" or "values" (aggregated values).</summary>
    public required string Kind { get; set; }

    /// <summary>File name as given.</summary>
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file bytes (lower-case hex).</summary>
    public required string Sha256 { get; set; }

    /// <summary>Data rows read.</summary>
    public int Rows { get; set; }

    /// <summary>Values created.</summary>
    public int Inserted { get; set; }

    /// <summary>Values changed (previous values kept as revisions).</summary>
    public int Updated { get; set; }

    /// <summary>Values already present and identical.</summary>
    public int Unchanged { get; set; }

    /// <summary>Who imported.</summary>
    public required string ImportedBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ImportedAt { get; set; }
}
