using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>The protocol as a report presents it: context, questions → criteria → indicators, design.</summary>
/// <param name="Id">Protocol identifier.</param>
/// <param name="Title">Title.</param>
/// <param name="VersionLabel">The authors' version label, or null.</param>
/// <param name="Authors">Authors (functions or services).</param>
/// <param name="WrittenOn">Date written ("14 mars 2025"), or null.</param>
/// <param name="StartsOn">Start of the evaluation, or null.</param>
/// <param name="EndsOn">Planned end, or null.</param>
/// <param name="Objectives">Objectives of the action.</param>
/// <param name="Public">The public targeted.</param>
/// <param name="ExpectedLeverage">Expected leverage effect, or null.</param>
/// <param name="Questions">Evaluation questions with their criteria and indicators.</param>
/// <param name="Indicators">All indicators.</param>
/// <param name="Groups">Groups (cohorts), focal first as declared.</param>
/// <param name="Waves">Waves in time order.</param>
/// <param name="Covariates">Baseline covariates.</param>
/// <param name="Cluster">The clustering unit, or null.</param>
/// <param name="DesignText">The design in plain French (who is compared with whom, how groups were formed).</param>
/// <param name="IsRandomised">Whether groups were drawn at random (false for every protocol so far).</param>
public sealed record ProtocolSection(
    string Id,
    string Title,
    string? VersionLabel,
    ImmutableArray<string> Authors,
    string? WrittenOn,
    string? StartsOn,
    string? EndsOn,
    ImmutableArray<string> Objectives,
    PublicView Public,
    string? ExpectedLeverage,
    ImmutableArray<QuestionView> Questions,
    ImmutableArray<IndicatorView> Indicators,
    ImmutableArray<GroupView> Groups,
    ImmutableArray<WaveView> Waves,
    ImmutableArray<CovariateView> Covariates,
    ClusterView? Cluster,
    string DesignText,
    bool IsRandomised);

/// <summary>The public targeted.</summary>
/// <param name="AgeText">"de 2 à 3 ans".</param>
/// <param name="GenderText">"filles et garçons".</param>
/// <param name="SettingText">"scolaire et périscolaire".</param>
/// <param name="Description">Free description, or null.</param>
public sealed record PublicView(string AgeText, string GenderText, string SettingText, string? Description);

/// <summary>An evaluation question.</summary>
/// <param name="Code">Code ("Q1").</param>
/// <param name="Text">The question.</param>
/// <param name="Criteria">Its judgement criteria.</param>
public sealed record QuestionView(string Code, string Text, ImmutableArray<CriterionView> Criteria);

/// <summary>A judgement criterion.</summary>
/// <param name="Code">Code ("Q1.1").</param>
/// <param name="Text">The criterion.</param>
/// <param name="Indicators">The indicators that inform it.</param>
public sealed record CriterionView(string Code, string Text, ImmutableArray<IndicatorView> Indicators);

/// <summary>An indicator as the report describes it.</summary>
/// <param name="Code">Code.</param>
/// <param name="Label">Label.</param>
/// <param name="LevelText">"effectivité", "résultat" or "impact".</param>
/// <param name="TypeText">"ordinale", "continue", "binaire (oui/non)", "comptage", "catégorielle".</param>
/// <param name="ScaleText">Levels ("1 = Pas du tout impliqué, …") or range ("[0 ; 100] %").</param>
/// <param name="Unit">Unit, or null.</param>
/// <param name="DirectionText">"une valeur plus élevée est souhaitable" (or "plus basse").</param>
/// <param name="Source">Source or instrument, or null.</param>
/// <param name="Respondent">Who provides the value, or null.</param>
/// <param name="WavesText">"T1, T2".</param>
public sealed record IndicatorView(
    string Code,
    string Label,
    string LevelText,
    string TypeText,
    string ScaleText,
    string? Unit,
    string DirectionText,
    string? Source,
    string? Respondent,
    string WavesText);

/// <summary>A group (cohort).</summary>
/// <param name="Code">Code.</param>
/// <param name="Label">Label.</param>
/// <param name="RoleText">"groupe bénéficiaire (focal)" or "groupe de comparaison".</param>
/// <param name="IsFocal">Whether it is the focal group.</param>
/// <param name="Membership">How membership is decided, or null.</param>
/// <param name="StyleText">How the charts draw it ("trait plein, ronds"), for readers in greyscale.</param>
public sealed record GroupView(string Code, string Label, string RoleText, bool IsFocal, string? Membership, string StyleText);

/// <summary>A wave.</summary>
/// <param name="Code">Code.</param>
/// <param name="Label">Label.</param>
/// <param name="Order">Position in time (0 first).</param>
/// <param name="ScheduleText">"le 10 octobre 2025 (de 14 jours avant à 21 jours après)" or "120 jours après l'inscription…".</param>
public sealed record WaveView(string Code, string Label, int Order, string ScheduleText);

/// <summary>A baseline covariate.</summary>
/// <param name="Code">Code.</param>
/// <param name="Label">Label.</param>
/// <param name="TypeText">Type in French.</param>
/// <param name="ScaleText">Levels or range.</param>
public sealed record CovariateView(string Code, string Label, string TypeText, string ScaleText);

/// <summary>The clustering unit (e.g. the school).</summary>
/// <param name="Label">Label of the unit kind.</param>
/// <param name="UnitCount">Number of declared units.</param>
/// <param name="Units">Labels of the units.</param>
public sealed record ClusterView(string Label, int UnitCount, ImmutableArray<string> Units);

/// <summary>The cité éducative and what is known of it.</summary>
/// <param name="Code">Code of the cité.</param>
/// <param name="Name">Name (the code when no name is declared).</param>
/// <param name="Facts">Facts of the territory sheet (commune, population, QPV…), empty when none are given.</param>
public sealed record TerritorySection(string Code, string Name, ImmutableArray<FactView> Facts);

/// <summary>A labelled fact ("Population en QPV" → "12 345").</summary>
/// <param name="Label">Label.</param>
/// <param name="Value">Value, formatted.</param>
public sealed record FactView(string Label, string Value);
