using System.Collections.Immutable;
using ImpactEval.Core.Loading;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Analysis;

/// <summary>Where a column of the analysis dataset comes from.</summary>
public enum CodebookSource
{
    /// <summary>The enrolment itself: pseudonym, group, cluster, status.</summary>
    Enrolment,
    /// <summary>A baseline covariate measured at enrolment.</summary>
    Baseline,
    /// <summary>An indicator observed at a wave.</summary>
    Observation,
}

/// <summary>One column of the analysis dataset, described for someone who reads the file without ImpactEval.</summary>
/// <param name="Variable">The column's name in the file ("COOP_PROPRETE.T2").</param>
/// <param name="Key">The dataset key (<see cref="AnalysisDataset.Key"/> for indicators, the code for covariates, the variable for enrolment columns).</param>
/// <param name="Label">French label.</param>
/// <param name="Type">"texte", or the protocol's value type ("continuous", "ordinal"…).</param>
/// <param name="Levels">"1 = Pas du tout impliqué ; 2 = …" for labelled scales, the unit or range otherwise; empty when none.</param>
/// <param name="Wave">Wave code of an indicator column; empty otherwise.</param>
/// <param name="Source">Where the column comes from.</param>
/// <param name="Instrument">Source or instrument of the indicator (the protocol's <c>source</c>); empty otherwise.</param>
/// <param name="Respondent">Who fills the indicator in; empty otherwise.</param>
public sealed record CodebookEntry(string Variable, string Key, string Label, string Type, string Levels, string Wave, CodebookSource Source, string Instrument, string Respondent);

/// <summary>The codebook of a protocol's analysis dataset: fixed columns, then covariates, then indicators × waves in protocol order.</summary>
public static class DatasetCodebook
{
    /// <summary>The fixed columns' names (the cluster's is the protocol's clustering unit code, "ecole").</summary>
    public const string Pseudonym = "pseudonyme", Group = "groupe", Status = "statut";

    /// <summary>The codebook of <paramref name="protocol"/>'s dataset.</summary>
    public static ImmutableArray<CodebookEntry> For(Model.Protocol protocol)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string Unique(string name)
        {
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++) candidate = $"{name}_{i}";
            return candidate;
        }
        var groups = string.Join(" ; ", protocol.Groups.Select(g => $"{g.Code} = {g.Label}"));
        var cluster = protocol.Cluster;
        var entries = ImmutableArray.CreateBuilder<CodebookEntry>();
        entries.Add(new(Unique(Pseudonym), Pseudonym, "Pseudonyme du participant (HMAC, ne permet pas de retrouver l’identité)", "texte", "", "", CodebookSource.Enrolment, "", ""));
        entries.Add(new(Unique(Group), Group, "Groupe à l’inscription (intention de traiter)", "texte", groups, "", CodebookSource.Enrolment, "", ""));
        entries.Add(new(Unique(cluster?.Code ?? "unite"), "cluster", cluster?.Label ?? "Unité de regroupement (aucune déclarée)", "texte",
            cluster is null ? "" : string.Join(" ; ", cluster.Units.Select(u => $"{u.Code} = {u.Label}")), "", CodebookSource.Enrolment, "", ""));
        entries.Add(new(Unique(Status), Status, "Statut de l’inscription (active, completed, withdrawn, lost, moved)", "texte", "", "", CodebookSource.Enrolment, "", ""));
        foreach (var c in protocol.Covariates)
            entries.Add(new(Unique(c.Code), c.Code, c.Label, Vocabulary.WordFor(Vocabulary.Types, c.Scale.Type), Levels(c.Scale), "", CodebookSource.Baseline, "", ""));
        foreach (var i in protocol.Indicators)
        foreach (var w in i.WaveCodes)
            entries.Add(new(Unique($"{i.Code}.{w}"), AnalysisDataset.Key(i.Code, w), i.Label, Vocabulary.WordFor(Vocabulary.Types, i.Scale.Type), Levels(i.Scale), w,
                CodebookSource.Observation, i.Source ?? "", i.Respondent ?? ""));
        return entries.ToImmutable();
    }

    private static string Levels(Model.Scale scale) =>
        scale.IsLabelled
            ? string.Join(" ; ", scale.EffectiveLevels.Select(l => $"{l.Value} = {l.Label}"))
            : string.Join(" ", new[] { scale.Unit, scale.Minimum is null && scale.Maximum is null ? null : scale.DescribeRange() }.Where(s => !string.IsNullOrEmpty(s)));
}
