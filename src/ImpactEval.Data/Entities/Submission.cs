namespace ImpactEval.Data.Entities;

/// <summary>One cité's submission to one questionnaire campaign: its current state in the workflow and when it was received.</summary>
public sealed class Submission
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The campaign.</summary>
    public int CampaignId { get; set; }

    /// <summary>The cité.</summary>
    public int TerritoryId { get; set; }

    /// <summary>Current state.</summary>
    public SubmissionState State { get; set; }

    /// <summary>
    /// When the cité first submitted (UTC), or null while it never did: the time timeliness is judged on, kept when the
    /// submission is returned and submitted again, never moved by closing the campaign.
    /// </summary>
    public DateTime? ReceivedAt { get; set; }

    /// <summary>When the state last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The history of transitions, oldest first.</summary>
    public List<SubmissionEvent> Events { get; set; } = [];
}
