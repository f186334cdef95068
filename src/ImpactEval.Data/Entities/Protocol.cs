namespace ImpactEval.Data.Entities;

/// <summary>A registered evaluation protocol; its content lives in its <see cref="ProtocolVersion"/>s.</summary>
public sealed class Protocol
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The protocol's own identifier from its file (e.g. "passerelles"), unique.</summary>
    public required string Code { get; set; }

    /// <summary>The territory that owns the protocol.</summary>
    public int TerritoryId { get; set; }

    /// <summary>Navigation to the owning territory.</summary>
    public Territory? Territory { get; set; }

    /// <summary>Title of the current version.</summary>
    public required string Title { get; set; }

    /// <summary>Number of the current (latest) version, starting at 1.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>When the protocol was first registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Every registered version.</summary>
    public List<ProtocolVersion> Versions { get; } = [];
}
