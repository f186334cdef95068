namespace ImpactEval.Data.Entities;

/// <summary>
/// Permission granted by a coordinator to write into a locked campaign until a date, for one territory or for all.
/// </summary>
public sealed class CampaignException
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The campaign.</summary>
    public int CampaignId { get; set; }

    /// <summary>The territory allowed to write, or null for every territory of the campaign.</summary>
    public int? TerritoryId { get; set; }

    /// <summary>Last day (inclusive) the exception applies.</summary>
    public DateOnly Until { get; set; }

    /// <summary>Why it was granted.</summary>
    public required string Reason { get; set; }

    /// <summary>Who granted it (a coordinator).</summary>
    public required string GrantedBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime GrantedAt { get; set; }
}
