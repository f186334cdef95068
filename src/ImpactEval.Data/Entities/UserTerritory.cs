namespace ImpactEval.Data.Entities;

/// <summary>A territory a web user may see.</summary>
public sealed class UserTerritory
{
    /// <summary>The user.</summary>
    public int UserId { get; set; }

    /// <summary>The territory.</summary>
    public int TerritoryId { get; set; }
}
