namespace ImpactEval.Data.Entities;

/// <summary>A French département, inside one <see cref="Region"/>; the préfecture referents of a campaign are scoped by it.</summary>
public sealed class Departement
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>INSEE code of the département ("69", "2A", "971"), unique.</summary>
    public required string Code { get; set; }

    /// <summary>Name ("Rhône").</summary>
    public required string Name { get; set; }

    /// <summary>The région it belongs to.</summary>
    public int RegionId { get; set; }
}
