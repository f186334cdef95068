using System.Collections.Immutable;

namespace ImpactEval.Analysis.Results;

/// <summary>
/// The consolidated answers of one national campaign (e.g. ANCT's yearly "revue de projet"): what the national
/// synthesis needs. Computed by <see cref="National.NationalConsolidation.Consolidate"/> from the values the cités sent;
/// rendered by the "synthese-nationale" report. Counts only: never a cité's own answers.
/// </summary>
/// <param name="CampaignCode">Campaign code ("revue-2024").</param>
/// <param name="CampaignLabel">French label ("Revue de projet 2024").</param>
/// <param name="Questions">Questions with their answer counts, in the protocol's order.</param>
/// <param name="Territories">Every cité asked, whether it answered.</param>
/// <param name="Period">The period the answers describe ("2023-2024"), or null when not known.</param>
/// <param name="DataFingerprint">
/// SHA-256 (hexadecimal) of the consolidated inputs (campaign, cités asked, values and their recording times), or null
/// for a hand-made table: the same campaign data always gives the same fingerprint.
/// </param>
public sealed record NationalCampaignResults(
    string CampaignCode,
    string CampaignLabel,
    ImmutableArray<NationalQuestion> Questions,
    ImmutableArray<TerritoryParticipation> Territories,
    string? Period = null,
    string? DataFingerprint = null)
{
    /// <summary>
    /// The contrasts that the local evaluations of the cités asked share, with each cité's published estimate (empty when
    /// fewer than two cités run a protocol of the same family): the synthesis pools them. Not part of
    /// <see cref="DataFingerprint"/>, which covers the campaign's answers only.
    /// </summary>
    public ImmutableArray<National.SharedContrast> LocalEvaluations { get; init; } = [];
}

/// <summary>One question of the campaign.</summary>
/// <param name="Code">Question code (the indicator's code, or the multiple-choice question's code).</param>
/// <param name="Theme">Theme (the evaluation question the indicator belongs to: "Gouvernance…"); empty when none.</param>
/// <param name="Text">The question.</param>
/// <param name="MultipleChoice">Whether a cité may tick several answers (shares then do not add up to 100 %).</param>
/// <param name="Eligible">Cités to which the question was asked (the denominator before non-response).</param>
/// <param name="NonResponse">Eligible cités that did not answer it.</param>
/// <param name="Answers">Counts per answer (empty for a numeric question).</param>
/// <param name="Numeric">For a continuous or count indicator, the summary of the values; null for labelled answers.</param>
public sealed record NationalQuestion(string Code, string Theme, string Text, bool MultipleChoice, int Eligible, int NonResponse, ImmutableArray<AnswerCount> Answers,
    NumericSummary? Numeric = null)
{
    /// <summary>Eligible cités that answered (eligible − non-response): the denominator of the shares.</summary>
    public int Respondents => Eligible - NonResponse;
}

/// <summary>How many cités gave one answer.</summary>
/// <param name="Label">Answer label.</param>
/// <param name="Count">Cités that gave it.</param>
public sealed record AnswerCount(string Label, int Count);

/// <summary>
/// Summary of the values of a numeric question (a count such as "nombre de formations", or a continuous value) over
/// the cités that answered it. With no respondent, the sum is 0 and the other statistics are NaN.
/// </summary>
/// <param name="Respondents">Cités whose value is summarised (must equal the question's respondents).</param>
/// <param name="Sum">Sum of the values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Median">Median (mean of the two middle values for an even count, as R's <c>median</c>).</param>
/// <param name="Minimum">Smallest value.</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Unit">Unit of the values ("%", "formations"), or null.</param>
/// <param name="WholeNumbers">True for a count indicator (sum, minimum and maximum are whole numbers).</param>
public sealed record NumericSummary(int Respondents, double Sum, double Mean, double Median, double Minimum, double Maximum, string? Unit, bool WholeNumbers);

/// <summary>Whether a cité answered the campaign.</summary>
/// <param name="Code">Cité code.</param>
/// <param name="Name">Cité name (its code when the store has no name).</param>
/// <param name="Region">Region, or null when not known (the store does not hold it yet).</param>
/// <param name="LabelYear">Year of the label, or null.</param>
/// <param name="Responded">Whether it submitted at least one answer.</param>
/// <param name="SubmittedOn">Day its latest answer reached the store (local date), or null.</param>
public sealed record TerritoryParticipation(string Code, string Name, string? Region, int? LabelYear, bool Responded, DateOnly? SubmittedOn);
