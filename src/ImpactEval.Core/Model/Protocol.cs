using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>
/// One evaluation protocol ("protocole de suivi et d'évaluation") in the field's own structure:
/// questions → criteria → indicators, groups, waves, covariates, clustering, analyses and report.
/// Built only by <see cref="Loading.ProtocolLoader"/>, which guarantees it is valid.
/// </summary>
/// <param name="Id">Stable identifier of the protocol (e.g. "passerelles").</param>
/// <param name="Title">French title.</param>
/// <param name="TerritoryCode">Code of the cité éducative.</param>
/// <param name="TerritoryName">Name of the cité éducative, if given.</param>
/// <param name="VersionLabel">The authors' own version label (e.g. "1.2"); the store numbers registered versions itself.</param>
/// <param name="Authors">Authors (functions or services, never private persons' data beyond what they chose to sign).</param>
/// <param name="Dates">Written, start and end dates.</param>
/// <param name="Objectives">Objectives of the action.</param>
/// <param name="Public">The public targeted.</param>
/// <param name="ExpectedLeverage">Expected leverage effect ("effet levier attendu").</param>
/// <param name="Questions">Evaluation questions.</param>
/// <param name="Indicators">Indicators.</param>
/// <param name="Groups">Groups (cohorts).</param>
/// <param name="Waves">Waves in time order.</param>
/// <param name="Covariates">Baseline covariates.</param>
/// <param name="Cluster">The clustering unit, if any.</param>
/// <param name="Analyses">Declared analyses.</param>
/// <param name="Design">Assumptions for power and minimum detectable effects.</param>
/// <param name="ReportTemplate">Name of the report template in templates/ (without extension).</param>
/// <param name="MultipleChoices">Multiple-choice questions of a questionnaire, each grouping binary indicators (options); empty for most protocols.</param>
public sealed record Protocol(
    string Id,
    string Title,
    string TerritoryCode,
    string? TerritoryName,
    string? VersionLabel,
    ImmutableArray<string> Authors,
    ProtocolDates Dates,
    ImmutableArray<string> Objectives,
    TargetPublic Public,
    string? ExpectedLeverage,
    ImmutableArray<EvaluationQuestion> Questions,
    ImmutableArray<Indicator> Indicators,
    ImmutableArray<Group> Groups,
    ImmutableArray<Wave> Waves,
    ImmutableArray<Covariate> Covariates,
    ClusterUnit? Cluster,
    ImmutableArray<AnalysisSpec> Analyses,
    DesignAssumptions Design,
    string ReportTemplate,
    ImmutableArray<MultipleChoiceQuestion> MultipleChoices)
{
    /// <summary>The indicator with this code (exact match), or null.</summary>
    public Indicator? FindIndicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    /// <summary>The group with this code (exact match), or null.</summary>
    public Group? FindGroup(string code) => Groups.FirstOrDefault(g => g.Code == code);

    /// <summary>The wave with this code (exact match), or null.</summary>
    public Wave? FindWave(string code) => Waves.FirstOrDefault(w => w.Code == code);

    /// <summary>The covariate with this code (exact match), or null.</summary>
    public Covariate? FindCovariate(string code) => Covariates.FirstOrDefault(c => c.Code == code);

    /// <summary>The multiple-choice question an indicator is an option of, or null when it is a question by itself.</summary>
    public MultipleChoiceQuestion? MultipleChoiceOf(string indicatorCode) =>
        MultipleChoices.IsDefault ? null : MultipleChoices.FirstOrDefault(q => q.OptionCodes.Contains(indicatorCode));

    /// <summary>The focal group (a valid protocol has exactly one).</summary>
    public Group FocalGroup => Groups.First(g => g.Role == GroupRole.Focal);

    /// <summary>Families of tests spanning several analyses (<c>families:</c>); empty for most protocols.</summary>
    public ImmutableArray<MultiplicityFamily> Families { get; init; } = [];

    /// <summary>Whom to ask about the collection (<c>contact:</c>), or null when the protocol names no one.</summary>
    public ProtocolContact? Contact { get; init; }

    /// <summary>The analysis with this code (exact match), or null.</summary>
    public AnalysisSpec? FindAnalysis(string code) => Analyses.FirstOrDefault(a => a.Code == code);
}
