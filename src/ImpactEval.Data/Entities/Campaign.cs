namespace ImpactEval.Data.Entities;

/// <summary>
/// A collection window: for a protocol's wave (participant observations) or for a questionnaire (aggregated
/// values of a period). It opens on <see cref="OpensOn"/>, closes after <see cref="ClosesOn"/> (later values are
/// accepted but late), and locks <see cref="ExpiryDays"/> days after closing: nothing more can be written
/// without an exception granted by a coordinator.
/// </summary>
public sealed class Campaign
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Short code chosen by the coordinator (e.g. "passerelles-T1-2025"), unique.</summary>
    public required string Code { get; set; }

    /// <summary>French label shown in reminders and tables.</summary>
    public required string Label { get; set; }

    /// <summary>The protocol whose data the campaign collects.</summary>
    public int ProtocolId { get; set; }

    /// <summary>The wave collected, for a wave campaign; null for a questionnaire campaign.</summary>
    public int? WaveId { get; set; }

    /// <summary>First day of the period the values describe, for a questionnaire campaign.</summary>
    public DateOnly? PeriodStart { get; set; }

    /// <summary>Last day of that period (inclusive).</summary>
    public DateOnly? PeriodEnd { get; set; }

    /// <summary>That period as users write it.</summary>
    public string? PeriodLabel { get; set; }

    /// <summary>For a questionnaire campaign, the indicator codes expected (comma-separated); null for every indicator of the protocol.</summary>
    public string? IndicatorCodes { get; set; }

    /// <summary>First day values are expected.</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>Last day values are on time.</summary>
    public DateOnly ClosesOn { get; set; }

    /// <summary>Days after <see cref="ClosesOn"/> during which late values are still accepted; null never locks.</summary>
    public int? ExpiryDays { get; set; }

    /// <summary>The state last recorded by the scheduler or a coordinator: "planned", "open", "closed" or "locked".</summary>
    public required string State { get; set; }

    /// <summary>When the campaign was opened (UTC), if it was.</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>When the campaign was closed (UTC), if it was.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>When the campaign was locked (UTC), if it was.</summary>
    public DateTime? LockedAt { get; set; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The territories expected to answer a questionnaire campaign (empty: the protocol's own territory).</summary>
    public List<CampaignTerritory> Territories { get; } = [];

    /// <summary>Exceptions granted after locking.</summary>
    public List<CampaignException> Exceptions { get; } = [];
}
