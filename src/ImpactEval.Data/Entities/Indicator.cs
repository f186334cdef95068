namespace ImpactEval.Data.Entities;

/// <summary>An indicator of a protocol, as of its latest version, with the scale its stored values follow.</summary>
public sealed class Indicator
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The protocol.</summary>
    public int ProtocolId { get; set; }

    /// <summary>Indicator code from the protocol file, unique within the protocol.</summary>
    public required string Code { get; set; }

    /// <summary>French label.</summary>
    public required string Label { get; set; }

    /// <summary>Canonical description of the scale (type, unit, range, levels): what a stored number means.</summary>
    public required string Scale { get; set; }
}
