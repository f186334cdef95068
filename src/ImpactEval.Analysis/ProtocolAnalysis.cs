using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;
using StatLevel = ImpactEval.Statistics.ScaleLevel;

namespace ImpactEval.Analysis;

/// <summary>
/// Runs everything a protocol asks for on its dataset: sample flow, descriptives per indicator × wave ×
/// group, and each declared analysis (one estimate per outcome and contrast, p-values adjusted across the
/// outcomes of a contrast). Pure and deterministic: the same protocol and dataset give the same results.
/// </summary>
public static class ProtocolAnalysis
{
    /// <summary>Analyses <paramref name="dataset"/> as <paramref name="protocol"/> declares.</summary>
    public static AnalysisResults Run(Protocol protocol, AnalysisDataset dataset)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        var flow = Flow(protocol, dataset);
        var descriptives = Descriptives(protocol, dataset);
        var analyses = protocol.Analyses.Select(a => RunAnalysis(protocol, dataset, a)).ToImmutableArray();
        if (dataset.Count == 0) notes.Add("Aucun participant n'est encore inscrit : aucune estimation n'est possible.");
        if (protocol.Groups.Any(g => g.Role == GroupRole.Comparison))
            notes.Add("Les groupes n'ont pas été constitués par tirage au sort : les écarts estimés sont des associations ajustées sur les caractéristiques mesurées, pas des preuves de causalité.");
        return new AnalysisResults(protocol.Id, dataset.ProtocolVersion, dataset.Fingerprint, dataset.Count, flow, descriptives, analyses, notes.ToImmutable());
    }

    private static SampleFlow Flow(Protocol protocol, AnalysisDataset dataset)
    {
        var groups = ImmutableArray.CreateBuilder<GroupFlow>();
        foreach (var group in protocol.Groups)
        {
            var rows = Rows(dataset, group.Code);
            var waves = ImmutableArray.CreateBuilder<WaveCount>();
            foreach (var wave in protocol.Waves)
            {
                var columns = protocol.Indicators.Where(i => i.WaveCodes.Contains(wave.Code)).Select(i => dataset.Outcome(i.Code, wave.Code)).ToList();
                var dates = dataset.CollectedOn.GetValueOrDefault(wave.Code);
                int observed = 0, late = 0;
                foreach (var r in rows)
                {
                    if (!columns.Exists(c => !double.IsNaN(c[r]))) continue;
                    observed++;
                    if (wave.Schedule.FixedDate is not null && !dates.IsDefault && dates[r] is { } date && date > wave.Schedule.FixedDate.Value.AddDays(wave.Schedule.DaysAfter)) late++;
                }
                if (columns.Count > 0) waves.Add(new WaveCount(wave.Code, observed, late));
            }
            var withdrawn = rows.Count(r => dataset.Statuses[r] is not ("active" or "completed"));
            groups.Add(new GroupFlow(group.Code, group.Label, rows.Count, withdrawn, waves.ToImmutable()));
        }
        return new SampleFlow(groups.ToImmutable());
    }

    private static ImmutableArray<IndicatorDescriptives> Descriptives(Protocol protocol, AnalysisDataset dataset)
    {
        var result = ImmutableArray.CreateBuilder<IndicatorDescriptives>();
        foreach (var indicator in protocol.Indicators)
        foreach (var wave in indicator.WaveCodes)
        {
            var column = dataset.Outcome(indicator.Code, wave);
            var groups = ImmutableArray.CreateBuilder<GroupDescriptives>();
            foreach (var group in protocol.Groups)
            {
                var sample = Sample(dataset, column, group.Code);
                var missing = sample.MissingCount;
                var n = sample.Count - missing;
                if (n == 0)
                {
                    groups.Add(new GroupDescriptives(group.Code, 0, missing, null, null, "Aucune valeur."));
                    continue;
                }
                var levels = indicator.Scale.IsLabelled
                    ? Statistics.Descriptives.Levels(sample, [.. indicator.Scale.EffectiveLevels.Select(l => new StatLevel(l.Value, l.Label))])
                    : null;
                groups.Add(new GroupDescriptives(group.Code, n, missing, Statistics.Descriptives.Summarize(sample), levels, null));
            }
            result.Add(new IndicatorDescriptives(indicator.Code, wave, groups.ToImmutable()));
        }
        return result.ToImmutable();
    }

    private static AnalysisResult RunAnalysis(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec)
    {
        var estimates = new List<ContrastEstimate>();
        foreach (var contrast in spec.Contrasts)
        {
            var family = spec.OutcomeCodes.Select(code =>
                ContrastEstimators.Estimate(protocol, dataset, spec, protocol.FindIndicator(code)!, contrast)).ToList();
            estimates.AddRange(Adjust(family, spec.Multiplicity));
        }
        return new AnalysisResult(spec.Code, spec.Label, spec.Estimator, ContrastEstimators.Describe(protocol, spec), spec.WaveCode,
            spec.ConfidenceLevel, spec.Multiplicity, [.. estimates]);
    }

    private static IEnumerable<ContrastEstimate> Adjust(List<ContrastEstimate> family, Multiplicity multiplicity)
    {
        if (multiplicity == Multiplicity.None || family.Count < 2) return family;
        var p = family.Select(e => e.Effect?.PValue ?? double.NaN).ToArray();
        var adjusted = multiplicity switch
        {
            Multiplicity.Holm => MultipleTesting.Holm(p),
            Multiplicity.Hochberg => MultipleTesting.Hochberg(p),
            _ => MultipleTesting.BenjaminiHochberg(p),
        };
        return family.Select((e, i) => e.Effect is null ? e : e with { Adjusted = adjusted[i] });
    }

    /// <summary>Row indices of a group (intention to treat: the group at enrolment).</summary>
    internal static List<int> Rows(AnalysisDataset dataset, string group)
    {
        var rows = new List<int>();
        for (var i = 0; i < dataset.Count; i++) if (dataset.Groups[i] == group) rows.Add(i);
        return rows;
    }

    /// <summary>The values of a column for one group, NaN for missing.</summary>
    internal static GroupSample Sample(AnalysisDataset dataset, ImmutableArray<double> column, string group)
    {
        var rows = Rows(dataset, group);
        var values = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++) values[i] = column[rows[i]];
        return new GroupSample(group, values);
    }
}
