namespace ImpactEval.Data.Entities;

/// <summary>A territory expected to answer a questionnaire campaign.</summary>
public sealed class CampaignTerritory
{
    /// <summary>The campaign.</summary>
    public int CampaignId { get; set; }

    /// <summary>The territory.</summary>
    public int TerritoryId { get; set; }
}
