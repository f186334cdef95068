using System.Collections.Immutable;
using ImpactEval.Analysis.Estimators;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;

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
        var weightings = new Dictionary<string, PropensityWeighting>();
        var analyses = AdjustFamilies(protocol, [.. protocol.Analyses.Select(a => RunAnalysis(protocol, dataset, a, weightings, notes))]);
        var balance = Balance(protocol, dataset, weightings.Values.FirstOrDefault(), notes);
        var attrition = Attrition(protocol, dataset, notes);
        if (dataset.Count == 0) notes.Add("Aucun participant n'est encore inscrit : aucune estimation n'est possible.");
        if (!protocol.Groups.Any(g => g.Role == GroupRole.Comparison) && protocol.Analyses.Any(a => a.Estimator == Estimator.PairedChange))
            notes.Add(NoComparisonNote);
        if (protocol.Groups.Any(g => g.Role == GroupRole.Comparison))
            notes.Add("Les groupes n'ont pas été constitués par tirage au sort : les écarts estimés sont des associations ajustées sur les caractéristiques mesurées, pas des preuves de causalité.");
        return new AnalysisResults(protocol.Id, dataset.ProtocolVersion, dataset.Fingerprint, dataset.Count, flow, descriptives, balance, attrition, analyses,
            DesignSensitivity.Planned(protocol).AddRange(DesignSensitivity.Observed(protocol, analyses, descriptives)), notes.ToImmutable())
        {
            FormatVersion = ResultsJson.FormatVersion, EngineVersion = AnalysisEngine.Version, BuildVersion = AnalysisEngine.BuildVersion,
        };
    }

    /// <summary>The note of a protocol without comparison group whose analyses measure changes.</summary>
    public const string NoComparisonNote =
        "Sans groupe de comparaison, les résultats sont des évolutions observées des mêmes participants entre deux vagues, pas des effets de l'action : rien ne dit ce qui se serait passé sans elle (l'âge, la saison ou d'autres actions peuvent expliquer une évolution).";

    private static SampleFlow Flow(Protocol protocol, AnalysisDataset dataset)
    {
        var groups = ImmutableArray.CreateBuilder<GroupFlow>();
        foreach (var group in protocol.Groups)
        {
            var rows = Rows(dataset, group.Code);
            var waves = ImmutableArray.CreateBuilder<WaveCount>();
            foreach (var wave in protocol.Waves)
            {
                if (!protocol.Indicators.Any(i => i.WaveCodes.Contains(wave.Code))) continue;
                var seen = ObservedAt(protocol, dataset, wave.Code);
                var dates = dataset.CollectedOn.GetValueOrDefault(wave.Code);
                int observed = 0, late = 0;
                foreach (var r in rows)
                {
                    if (!seen[r]) continue;
                    observed++;
                    if (wave.Schedule.FixedDate is not null && !dates.IsDefault && dates[r] is { } date && date > wave.Schedule.FixedDate.Value.AddDays(wave.Schedule.DaysAfter)) late++;
                }
                waves.Add(new WaveCount(wave.Code, observed, late));
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
            // A group the indicator does not apply to owes no value: it is neither described nor counted as missing.
            foreach (var group in protocol.Groups.Where(g => indicator.AppliesTo(g.Code)))
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
                    ? Statistics.Descriptives.Levels(sample, [.. indicator.Scale.EffectiveLevels.Select(l => new LevelLabel(l.Value, l.Label))])
                    : null;
                groups.Add(new GroupDescriptives(group.Code, n, missing, Statistics.Descriptives.Summarize(sample), levels, null));
            }
            result.Add(new IndicatorDescriptives(indicator.Code, wave, groups.ToImmutable()));
        }
        return result.ToImmutable();
    }

    private static AnalysisResult RunAnalysis(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec,
        Dictionary<string, PropensityWeighting> weightings, ImmutableArray<string>.Builder notes)
    {
        var method = MethodDescription.Describe(protocol, spec);
        var model = spec.Estimator.FitsModel() ? spec.Model : (AnalysisModel?)null;
        var family = spec.FamilyCode is { } code ? protocol.Families.FirstOrDefault(f => f.Code == code) : null;
        var multiplicity = family?.Multiplicity ?? spec.Multiplicity;
        AnalysisResult Result(ImmutableArray<ContrastEstimate> estimates, WeightingDiagnostics? diagnostics) =>
            new(spec.Code, spec.Label, spec.Estimator, method, spec.WaveCode, spec.ConfidenceLevel, multiplicity, estimates, diagnostics)
            {
                Model = model, Family = family?.Code,
            };

        // One row of estimates per outcome, one column per contrast.
        var grid = new List<ImmutableArray<ContrastEstimate>>();
        PropensityWeighting? first = null;
        foreach (var outcome in spec.OutcomeCodes)
        {
            var indicator = protocol.FindIndicator(outcome)!;
            PropensityWeighting? weighting = null;
            if (spec.Estimator == Estimator.Weighting)
            {
                try
                {
                    weighting = Weighting(protocol, dataset, spec, indicator, weightings);
                }
                catch (StatisticsException e)
                {
                    notes.Add($"Analyse {spec.Code} : le modèle de score de propension n’a pas pu être estimé ({e.Message}).");
                    return Result([], null);
                }
                first ??= weighting;
            }
            // An analysis without contrast (paired_change in a protocol without comparison group) has only its changes.
            grid.Add(spec.Contrasts.IsEmpty ? [] : ContrastEstimator.Estimate(protocol, dataset, spec, indicator, weighting));
        }
        if (spec.BaselineOutcome && spec.Estimator == Estimator.Weighting && spec.OutcomeCodes.Length > 1)
            notes.Add($"Analyse {spec.Code} : un modèle de score de propension par indicateur (sa valeur à {spec.BaselineWaveCode} y entre) ; les diagnostics des poids présentés sont ceux du premier indicateur.");

        var estimates = new List<ContrastEstimate>();
        for (var c = 0; c < spec.Contrasts.Length; c++)
        {
            var column = grid.Select(row => row[c]).ToList();
            estimates.AddRange(family is null ? Adjust(column, spec.Multiplicity) : column);
        }
        var diagnostics = first is null ? null : new WeightingDiagnostics(first.Summaries, first.Overlap, first.Warnings);
        return Result([.. estimates], diagnostics) with { Changes = spec.Estimator == Estimator.PairedChange ? Changes(protocol, dataset, spec) : [] };
    }

    /// <summary>
    /// The change of each outcome in each group of a <c>paired_change</c> analysis (the focal group, then the comparison
    /// groups of its contrasts), over the participants observed at both waves: mean change with its paired t interval,
    /// and the signed-rank test for an ordinal outcome.
    /// </summary>
    private static ImmutableArray<ChangeEstimate> Changes(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec)
    {
        var result = ImmutableArray.CreateBuilder<ChangeEstimate>();
        var groups = new[] { protocol.FocalGroup.Code }.Concat(spec.Contrasts.Select(c => c.ComparisonCode)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var code in spec.OutcomeCodes)
        {
            var indicator = protocol.FindIndicator(code)!;
            var before = dataset.Outcome(code, spec.BaselineWaveCode!);
            var after = dataset.Outcome(code, spec.WaveCode);
            foreach (var group in groups.Where(indicator.AppliesTo))
            {
                var pairs = Rows(dataset, group).Where(r => !double.IsNaN(before[r]) && !double.IsNaN(after[r])).ToList();
                var b = pairs.Select(r => before[r]).ToArray();
                var a = pairs.Select(r => after[r]).ToArray();
                Estimate? change = null;
                SignedRankTest? rank = null;
                string? failure = null;
                try
                {
                    change = PairedChanges.MeanChange(b, a, spec.ConfidenceLevel);
                    if (indicator.Scale.Type == Core.Model.ValueType.Ordinal) rank = PairedChanges.SignedRank(b, a);
                }
                catch (StatisticsException e)
                {
                    failure = e.Message;
                }
                result.Add(new ChangeEstimate(code, group, spec.BaselineWaveCode!, spec.WaveCode, pairs.Count,
                    pairs.Count == 0 ? double.NaN : b.Average(), pairs.Count == 0 ? double.NaN : a.Average(), change, rank, failure));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>The ATT weights of an analysis, shared by analyses with the same covariates (per outcome with <c>baseline: outcome</c>).</summary>
    private static PropensityWeighting Weighting(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec, Indicator indicator,
        Dictionary<string, PropensityWeighting> weightings)
    {
        var key = string.Join(",", spec.CovariateCodes);
        (string, ImmutableArray<double>)? baseline = null;
        if (spec.BaselineOutcome && spec.BaselineWaveCode is { } wave)
        {
            var name = AnalysisDataset.Key(indicator.Code, wave);
            key += "|" + name;
            baseline = (name, dataset.Outcome(indicator.Code, wave));
        }
        if (!weightings.TryGetValue(key, out var weighting))
            weightings[key] = weighting = PropensityWeighting.Compute(protocol, dataset, spec.CovariateCodes, baseline);
        return weighting;
    }

    /// <summary>Adjusts the p-values of each family of tests across its analyses (every outcome and contrast of each).</summary>
    private static ImmutableArray<AnalysisResult> AdjustFamilies(Protocol protocol, ImmutableArray<AnalysisResult> analyses)
    {
        var result = analyses.ToBuilder();
        foreach (var family in protocol.Families)
        {
            var members = Enumerable.Range(0, result.Count).Where(i => result[i].Family == family.Code).ToList();
            var cells = members.SelectMany(i => Enumerable.Range(0, result[i].Contrasts.Length).Select(j => (i, j))).ToList();
            var adjusted = Adjust([.. cells.Select(cell => result[cell.i].Contrasts[cell.j])], family.Multiplicity).ToList();
            foreach (var i in members)
            {
                var contrasts = result[i].Contrasts.ToBuilder();
                for (var k = 0; k < cells.Count; k++)
                    if (cells[k].i == i) contrasts[cells[k].j] = adjusted[k];
                result[i] = result[i] with { Contrasts = contrasts.ToImmutable() };
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<BalanceTable> Balance(Protocol protocol, AnalysisDataset dataset, PropensityWeighting? weighting, ImmutableArray<string>.Builder notes)
    {
        // The baseline values of outcomes declared "baseline: outcome" are balanced like covariates, each on its own complete rows.
        var baselines = protocol.Analyses.Where(a => a.BaselineOutcome && a.BaselineWaveCode is not null)
            .SelectMany(a => a.OutcomeCodes.Select(o => (Name: AnalysisDataset.Key(o, a.BaselineWaveCode!), Column: dataset.Outcome(o, a.BaselineWaveCode!))))
            .DistinctBy(b => b.Name).ToList();
        if (protocol.Covariates.IsEmpty && baselines.Count == 0) return [];
        var tables = ImmutableArray.CreateBuilder<BalanceTable>();
        var contrasts = protocol.Analyses.SelectMany(a => a.Contrasts).Distinct().ToList();
        var waves = protocol.Analyses.Select(a => a.WaveCode).Distinct().ToList();
        foreach (var contrast in contrasts)
        {
            var samples = new List<(string Name, Func<int, bool> Keep, bool Weighted)> { ("inscrits", _ => true, false) };
            foreach (var wave in waves)
            {
                var observed = ObservedAt(protocol, dataset, wave);
                samples.Add(($"observés à {wave}", i => observed[i], false));
            }
            if (weighting is not null) samples.Add(("inscrits, après pondération", i => !double.IsNaN(weighting.Weights[i]), true));
            foreach (var (name, keep, weighted) in samples)
            {
                var covariates = protocol.Covariates.Select(c => (Name: c.Code, Column: dataset.Covariates[c.Code])).ToList();
                var sets = new List<List<(string Name, ImmutableArray<double> Column)>>();
                if (covariates.Count > 0) sets.Add(covariates);
                sets.AddRange(baselines.Select(b => new List<(string, ImmutableArray<double>)> { b }));
                var rows = ImmutableArray.CreateBuilder<CovariateBalanceRow>();
                var equivalence = ImmutableArray.CreateBuilder<WwcEquivalenceRow>();
                try
                {
                    foreach (var set in sets)
                    {
                        var (balance, wwc) = BalanceOf(dataset, contrast, set, i => keep(i) && (!weighted || !double.IsNaN(weighting!.Weights[i])), weighted ? weighting : null);
                        rows.AddRange(balance);
                        equivalence.AddRange(wwc);
                    }
                    tables.Add(new BalanceTable(contrast.FocalCode, contrast.ComparisonCode, name, weighted, rows.ToImmutable(), equivalence.ToImmutable()));
                }
                catch (StatisticsException e)
                {
                    notes.Add($"Équilibre {contrast.FocalCode} / {contrast.ComparisonCode} ({name}) non calculable : {e.Message}");
                }
            }
        }
        return tables.ToImmutable();
    }

    /// <summary>The balance of a set of columns on the rows of a contrast where <paramref name="keep"/> holds and every column is observed.</summary>
    private static (ImmutableArray<CovariateBalanceRow> Balance, ImmutableArray<WwcEquivalenceRow> Equivalence) BalanceOf(AnalysisDataset dataset,
        ContrastSpec contrast, List<(string Name, ImmutableArray<double> Column)> columns, Func<int, bool> keep, PropensityWeighting? weighting)
    {
        var rows = Enumerable.Range(0, dataset.Count)
            .Where(i => (dataset.Groups[i] == contrast.FocalCode || dataset.Groups[i] == contrast.ComparisonCode) && keep(i)
                && columns.All(c => !double.IsNaN(c.Column[i]))).ToArray();
        var group = rows.Select(i => dataset.Groups[i] == contrast.FocalCode ? 0 : 1).ToArray();
        var predictors = columns.Select(c => new Predictor(c.Name, [.. rows.Select(i => c.Column[i])])).ToList();
        string[] labels = [contrast.FocalCode, contrast.ComparisonCode];
        var weights = weighting is null ? [] : rows.Select(i => weighting.Weights[i]).ToArray();
        var balance = CovariateBalance.Att(predictors, group, labels, 0, weights);
        var equivalence = weighting is null ? WwcBaselineEquivalence.Assess(predictors, group, labels, 0) : [];
        return (balance, equivalence);
    }

    private static ImmutableArray<AttritionAssessment> Attrition(Protocol protocol, AnalysisDataset dataset, ImmutableArray<string>.Builder notes)
    {
        var labels = protocol.Groups.Select(g => g.Code).ToList();
        var focal = labels.IndexOf(protocol.FocalGroup.Code);
        var group = dataset.Groups.Select(g => labels.IndexOf(g)).ToArray();
        var result = ImmutableArray.CreateBuilder<AttritionAssessment>();
        foreach (var wave in protocol.Analyses.Select(a => a.WaveCode).Distinct())
        {
            var observed = ObservedAt(protocol, dataset, wave);
            try
            {
                foreach (var boundary in new[] { AttritionBoundary.Cautious, AttritionBoundary.Optimistic })
                    result.AddRange(WwcAttrition.Assess(group, observed, labels, focal, boundary, wave));
            }
            catch (StatisticsException e)
            {
                if (dataset.Count > 0) notes.Add($"Attrition à {wave} non calculable : {e.Message}");
            }
        }
        return result.ToImmutable();
    }

    /// <summary>Whether each row has at least one indicator value at a wave.</summary>
    internal static bool[] ObservedAt(Protocol protocol, AnalysisDataset dataset, string wave)
    {
        var observed = new bool[dataset.Count];
        foreach (var indicator in protocol.Indicators.Where(i => i.WaveCodes.Contains(wave)))
        {
            var column = dataset.Outcome(indicator.Code, wave);
            for (var i = 0; i < dataset.Count; i++) observed[i] |= !double.IsNaN(column[i]);
        }
        return observed;
    }

    private static IEnumerable<ContrastEstimate> Adjust(IReadOnlyList<ContrastEstimate> family, Multiplicity multiplicity)
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
