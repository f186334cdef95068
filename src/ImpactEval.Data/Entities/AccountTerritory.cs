namespace ImpactEval.Data.Entities;

/// <summary>A territory an API account may see.</summary>
public sealed class AccountTerritory
{
    /// <summary>The account.</summary>
    public int AccountId { get; set; }

    /// <summary>The territory.</summary>
    public int TerritoryId { get; set; }
}
