using System.Collections.Immutable;

namespace ImpactEval.Reporting.National;

/// <summary>
/// The consolidated answers of one national campaign (e.g. ANCT's yearly "revue de projet"): what the national
/// synthesis needs. The ANCT consolidation will fill it; until then tests build it by hand.
/// </summary>
/// <param name="CampaignCode">Campaign code ("revue-2024").</param>
/// <param name="CampaignLabel">French label ("Revue de projet 2024").</param>
/// <param name="Questions">Questions with their answer counts.</param>
/// <param name="Territories">Every cité asked, whether it answered.</param>
public sealed record NationalCampaignResults(string CampaignCode, string CampaignLabel, ImmutableArray<NationalQuestion> Questions, ImmutableArray<TerritoryParticipation> Territories);

/// <summary>One question of the campaign.</summary>
/// <param name="Code">Question code.</param>
/// <param name="Theme">Theme ("Gouvernance", "Coopération"…).</param>
/// <param name="Text">The question.</param>
/// <param name="MultipleChoice">Whether a cité may tick several answers (shares then do not add up to 100 %).</param>
/// <param name="Eligible">Cités to which the question was asked (the denominator before non-response).</param>
/// <param name="NonResponse">Eligible cités that did not answer it.</param>
/// <param name="Answers">Counts per answer.</param>
public sealed record NationalQuestion(string Code, string Theme, string Text, bool MultipleChoice, int Eligible, int NonResponse, ImmutableArray<AnswerCount> Answers);

/// <summary>How many cités gave one answer.</summary>
/// <param name="Label">Answer label.</param>
/// <param name="Count">Cités that gave it.</param>
public sealed record AnswerCount(string Label, int Count);

/// <summary>Whether a cité answered the campaign.</summary>
/// <param name="Code">Cité code.</param>
/// <param name="Name">Cité name.</param>
/// <param name="Region">Region.</param>
/// <param name="LabelYear">Year of the label, or null.</param>
/// <param name="Responded">Whether it submitted an answer.</param>
/// <param name="SubmittedOn">Submission date, or null.</param>
public sealed record TerritoryParticipation(string Code, string Name, string Region, int? LabelYear, bool Responded, DateOnly? SubmittedOn);
