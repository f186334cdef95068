namespace ImpactEval.Collection.Campaigns;

/// <summary>A campaign moved to a new state by the scheduler (<see cref="CampaignService.OpenDueAsync"/>, <see cref="CampaignService.CloseAndLockDueAsync"/>).</summary>
/// <param name="Campaign">The campaign's code.</param>
/// <param name="Label">Its label.</param>
/// <param name="From">The state recorded before.</param>
/// <param name="To">The state recorded now.</param>
public sealed record CampaignTransition(string Campaign, string Label, CampaignState From, CampaignState To);
