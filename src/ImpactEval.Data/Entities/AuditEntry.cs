namespace ImpactEval.Data.Entities;

/// <summary>One line of the audit trail: every change and every export is recorded.</summary>
public sealed class AuditEntry
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Who (user or service account).</summary>
    public required string Actor { get; set; }

    /// <summary>What kind of action (e.g. "protocol.register", "import.observations", "report.export").</summary>
    public required string Action { get; set; }

    /// <summary>The territory concerned, if any.</summary>
    public int? TerritoryId { get; set; }

    /// <summary>What was acted on (e.g. "protocol passerelles v2").</summary>
    public required string Subject { get; set; }

    /// <summary>Details (counts, file hash); never personal data.</summary>
    public string? Details { get; set; }
}
