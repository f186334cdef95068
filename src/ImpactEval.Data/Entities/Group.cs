namespace ImpactEval.Data.Entities;

/// <summary>A group (cohort) of a protocol, as of its latest version.</summary>
public sealed class Group
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The protocol.</summary>
    public int ProtocolId { get; set; }

    /// <summary>Group code from the protocol file, unique within the protocol.</summary>
    public required string Code { get; set; }

    /// <summary>French label.</summary>
    public required string Label { get; set; }

    /// <summary>"focal" or "comparison".</summary>
    public required string Role { get; set; }
}
