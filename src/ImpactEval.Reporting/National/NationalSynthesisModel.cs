using System.Collections.Immutable;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting.National;

/// <summary>
/// What the national synthesis template ("synthese-nationale") can use. Every share comes with its numerator,
/// its denominator and the non-response, and the figures are checked against each other (a published synthesis
/// whose percentages do not match its counts is the mistake this model exists to prevent).
/// </summary>
/// <param name="Title">Title.</param>
/// <param name="CampaignLabel">Campaign label.</param>
/// <param name="Generation">Generation metadata.</param>
/// <param name="ResponseText">"187 cités sur 208 ont répondu (89,9 %)".</param>
/// <param name="Questions">One entry per question.</param>
/// <param name="Territories">Participation of each cité (never its answers).</param>
/// <param name="Checks">Consistency checks in French; empty when every figure agrees.</param>
/// <param name="Disclosure">Whether small counts were hidden.</param>
/// <param name="Tables">Published tables (one sheet each in the workbook).</param>
public sealed record NationalSynthesisModel(
    string Title,
    string CampaignLabel,
    NationalGeneration Generation,
    string ResponseText,
    ImmutableArray<NationalQuestionView> Questions,
    ImmutableArray<TerritoryRowView> Territories,
    ImmutableArray<string> Checks,
    DisclosureNotice Disclosure,
    ImmutableArray<ReportTable> Tables)
{
    /// <summary>The period the answers describe ("2023-2024"), or "" when not known.</summary>
    public string Period { get; init; } = "";

    /// <summary>
    /// Why counts of cités are protected like counts of people: they are published without masking only if ANCT
    /// decides that they are not covered by statistical secrecy.
    /// </summary>
    public string CountsNote { get; init; } = "";

    /// <summary>
    /// The local evaluations pooled across cités: one section per contrast that at least two cités' protocols share,
    /// from their published estimates (random effects, forest plot by cité); empty when none is shared.
    /// </summary>
    public ImmutableArray<PoolingSection> LocalEvaluations { get; init; } = [];

    /// <summary>One row per pooled contrast (effect, interval, I², prediction interval), or null when nothing was pooled.</summary>
    public ReportTable? LocalEvaluationsOverview { get; init; }

    /// <summary>Shared contrasts that could not be pooled, each with the reason in French.</summary>
    public ImmutableArray<string> LocalEvaluationsNote { get; init; } = [];
}

/// <summary>Generation metadata of a national synthesis.</summary>
/// <param name="GeneratedAt">Timestamp.</param>
/// <param name="GeneratedAtText">"22 novembre 2026 à 14 h 05".</param>
/// <param name="ImpactEvalVersion">Version of ImpactEval.</param>
public sealed record NationalGeneration(DateTimeOffset GeneratedAt, string GeneratedAtText, string ImpactEvalVersion);

/// <summary>One question with its answers.</summary>
/// <param name="Code">Code.</param>
/// <param name="Theme">Theme.</param>
/// <param name="Text">Question.</param>
/// <param name="ChoiceText">"choix unique", "choix multiples (les parts ne s'additionnent pas)" or "réponse numérique".</param>
/// <param name="Eligible">Cités asked.</param>
/// <param name="Respondents">Cités that answered (the denominator of the shares).</param>
/// <param name="NonResponse">Cités that did not answer.</param>
/// <param name="NonResponseShare">Non-response share of the cités asked.</param>
/// <param name="Answers">Answers with numerator, denominator and share.</param>
/// <param name="Table">The question's table.</param>
/// <param name="Chart">Bars of the shares (single-choice questions), or null.</param>
public sealed record NationalQuestionView(string Code, string Theme, string Text, string ChoiceText, string Eligible, string Respondents, string NonResponse,
    string NonResponseShare, ImmutableArray<AnswerView> Answers, ReportTable Table, Chart? Chart)
{
    /// <summary>For a count or a continuous value, the summary of the values; null for labelled answers.</summary>
    public NumericSummaryView? Numeric { get; init; }
}

/// <summary>Summary of a numeric question, formatted ("s" everywhere when the respondents are hidden).</summary>
/// <param name="Respondents">Cités whose value is summarised.</param>
/// <param name="Sum">Sum of the values.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Median">Median.</param>
/// <param name="Minimum">Smallest value.</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Unit">Unit ("%", "formations"), or "".</param>
public sealed record NumericSummaryView(string Respondents, string Sum, string Mean, string Median, string Minimum, string Maximum, string Unit);

/// <summary>One answer.</summary>
/// <param name="Label">Answer.</param>
/// <param name="Numerator">Cités that gave it ("s" when hidden).</param>
/// <param name="Denominator">Cités that answered the question.</param>
/// <param name="Share">Numerator / denominator ("s" when hidden).</param>
public sealed record AnswerView(string Label, string Numerator, string Denominator, string Share);

/// <summary>Participation of one cité.</summary>
/// <param name="Code">Code.</param>
/// <param name="Name">Name.</param>
/// <param name="Region">Region.</param>
/// <param name="LabelYear">Label year or "".</param>
/// <param name="Responded">"oui" or "non".</param>
/// <param name="SubmittedOn">"3 avril 2024" or "".</param>
public sealed record TerritoryRowView(string Code, string Name, string Region, string LabelYear, string Responded, string SubmittedOn);
