namespace ImpactEval.Collection.Campaigns;

/// <summary>One correction of an answer to a questionnaire campaign: which cité, which question, the value before and after, who, when and why.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Territory">Territory code.</param>
/// <param name="TerritoryName">Territory name, or null.</param>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Previous">The value before, as the question reads it ("oui", "Stade 2 : coordination", "12").</param>
/// <param name="New">The value after.</param>
/// <param name="ChangedBy">Who.</param>
/// <param name="Reason">Why ("import de revue-v2.csv").</param>
public sealed record CampaignRevision(DateTime At, string Territory, string? TerritoryName, string Indicator, string Previous, string New, string ChangedBy, string Reason);
