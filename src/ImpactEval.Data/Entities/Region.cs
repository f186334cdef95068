namespace ImpactEval.Data.Entities;

/// <summary>A French région, the top level of the territory registry (région → département → cité).</summary>
public sealed class Region
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>INSEE code of the région ("84" for Auvergne-Rhône-Alpes), unique.</summary>
    public required string Code { get; set; }

    /// <summary>Name ("Auvergne-Rhône-Alpes").</summary>
    public required string Name { get; set; }
}
