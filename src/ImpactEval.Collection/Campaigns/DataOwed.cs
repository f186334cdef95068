namespace ImpactEval.Collection.Campaigns;

/// <summary>A respondent that still owes data to an open or closed (not yet locked) campaign: whom to remind.</summary>
/// <param name="Campaign">The campaign's code.</param>
/// <param name="Label">Its label.</param>
/// <param name="State">Its state on the day (open or closed).</param>
/// <param name="ClosesOn">Closing date.</param>
/// <param name="LocksOn">First locked day, or null.</param>
/// <param name="Territory">The territory's code.</param>
/// <param name="Cluster">The school, for a wave campaign; null for a questionnaire campaign.</param>
/// <param name="Missing">Values still owed (participants for a wave, indicators for a questionnaire).</param>
/// <param name="Expected">Values expected.</param>
public sealed record DataOwed(string Campaign, string Label, CampaignState State, DateOnly ClosesOn, DateOnly? LocksOn, string Territory, string? Cluster, int Missing, int Expected);
