namespace ImpactEval.Collection.Campaigns;

/// <summary>The outcome of a coordinator's action on a campaign.</summary>
/// <param name="Done">Whether the action was carried out.</param>
/// <param name="Message">What was done, or why not, in French.</param>
public sealed record CampaignOutcome(bool Done, string Message);
