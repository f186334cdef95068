using ImpactEval.Collection.Campaigns;

namespace ImpactEval.Worker.Campaigns;

/// <summary>What one pass of the campaign calendar did.</summary>
/// <param name="Transitions">Campaigns recorded in a new state (opened, closed, locked).</param>
/// <param name="Queued">Announcements newly put in the outbox.</param>
/// <param name="WithoutAddress">Respondents or territories to announce to but with no address configured.</param>
public sealed record LifecycleRound(IReadOnlyList<CampaignTransition> Transitions, int Queued, IReadOnlyList<string> WithoutAddress);
