namespace ImpactEval.Data.Entities;

/// <summary>A cité éducative: the unit of data ownership and of access scoping.</summary>
public sealed class Territory
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The cité's code (e.g. "CE-999-01"), unique.</summary>
    public required string Code { get; set; }

    /// <summary>The cité's name, if known.</summary>
    public string? Name { get; set; }

    /// <summary>When the territory was first seen (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
