using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>
/// Everything a report template can use, already protected by disclosure control and formatted in French where a
/// reader needs it (numbers also kept raw in <see cref="Tables"/> for the workbook). Built only by
/// <see cref="ReportModelBuilder"/>; documented field by field for template authors in docs/report-model.md.
/// </summary>
/// <remarks>
/// A section absent from the analysis results (balance, attrition, power) is null and the templates skip it; the
/// weighting diagnostics belong to the analysis that weights (<see cref="AnalysisSection.Weighting"/>). To add a section: one record here, one method in <see cref="ReportModelBuilder"/>, one partial.
/// </remarks>
/// <param name="Title">Title of the report.</param>
/// <param name="Generation">When, from what and by which version the report was produced.</param>
/// <param name="Protocol">The protocol: questions, criteria, indicators, groups, waves, covariates.</param>
/// <param name="Territory">The cité éducative.</param>
/// <param name="Flow">Sample flow: enrolled, observed and lost per group and wave.</param>
/// <param name="Descriptives">Descriptive statistics per indicator, wave and group.</param>
/// <param name="Balance">Baseline balance of covariates between groups; null when not computed.</param>
/// <param name="Attrition">Attrition per wave and contrast (What Works Clearinghouse boundaries); null when not computed.</param>
/// <param name="Analyses">The protocol's analyses with their contrasts (and, for a weighting analysis, its weight diagnostics).</param>
/// <param name="Power">Minimum detectable effects with the planned and observed sizes; null when not computed.</param>
/// <param name="Evidence">What the design and the data allow to conclude.</param>
/// <param name="Limitations">Limits of the evaluation, in French.</param>
/// <param name="DataQuality">Missing values, late collections and estimator warnings.</param>
/// <param name="Disclosure">Whether and how small counts were hidden.</param>
/// <param name="Tables">Every published table, in report order (the workbook has one sheet per table marked for it).</param>
public sealed record ReportModel(
    string Title,
    GenerationInfo Generation,
    ProtocolSection Protocol,
    TerritorySection Territory,
    FlowSection Flow,
    DescriptivesSection Descriptives,
    BalanceSection? Balance,
    AttritionSection? Attrition,
    ImmutableArray<AnalysisSection> Analyses,
    PowerSection? Power,
    EvidenceSection Evidence,
    ImmutableArray<string> Limitations,
    DataQualitySection DataQuality,
    DisclosureNotice Disclosure,
    ImmutableArray<ReportTable> Tables)
{
    /// <summary>
    /// The "Résultats complets" table (every estimate with its standard error, statistic, df, p-values, interval, method,
    /// variance, n and clusters, at full precision, after disclosure control); also the last of <see cref="Tables"/>, so
    /// that the workbook has a sheet for it. Null without analyses.
    /// </summary>
    public ReportTable? FullResults { get; init; }

    /// <summary>The title of the analyses section: « Comparaisons entre groupes », or « Évolutions observées » for a protocol without comparison group.</summary>
    public string AnalysesTitle { get; init; } = "Comparaisons entre groupes";
}

/// <summary>When, from what and by which version a report was produced.</summary>
/// <param name="GeneratedAt">The generation timestamp (the only part of a report that changes between two runs on the same data).</param>
/// <param name="GeneratedAtText">"22 novembre 2026 à 14 h 05".</param>
/// <param name="GeneratedOnText">"22 novembre 2026".</param>
/// <param name="ImpactEvalVersion">Version of ImpactEval.</param>
/// <param name="ProtocolVersion">Registered version of the protocol.</param>
/// <param name="DataFingerprint">SHA-256 fingerprint of the analysed dataset.</param>
/// <param name="DataFingerprintShort">Its first 12 characters, for display.</param>
/// <param name="Participants">Participants (enrolments) in the dataset.</param>
/// <param name="ParticipantsText">The same, formatted ("900").</param>
public sealed record GenerationInfo(
    DateTimeOffset GeneratedAt,
    string GeneratedAtText,
    string GeneratedOnText,
    string ImpactEvalVersion,
    int ProtocolVersion,
    string DataFingerprint,
    string DataFingerprintShort,
    int Participants,
    string ParticipantsText);

/// <summary>Whether statistical disclosure control hid anything, said without telling which value.</summary>
/// <param name="Applied">Whether at least one count or estimate was hidden.</param>
/// <param name="Threshold">Smallest publishable count.</param>
/// <param name="Text">French sentence for the report (always present: it states the rule even when nothing was hidden).</param>
/// <param name="Mark">The mark shown in place of a hidden value ("s").</param>
public sealed record DisclosureNotice(bool Applied, int Threshold, string Text, string Mark);
