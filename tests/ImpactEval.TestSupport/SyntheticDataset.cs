using System.Collections.Immutable;
using ImpactEval.Analysis;
using ImpactEval.Collection.Synthetic;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.TestSupport;

/// <summary>
/// Builds the analysis dataset of a synthetic cohort directly in memory (no store), for simulations that
/// analyse hundreds of seeded cohorts. The store path is covered by <see cref="DemoData"/>.
/// </summary>
public static class SyntheticDataset
{
    public static AnalysisDataset From(Model.Protocol protocol, IReadOnlyList<SyntheticParticipant> participants)
    {
        var n = participants.Count;
        var covariates = protocol.Covariates.ToImmutableDictionary(c => c.Code,
            c => participants.Select(p => p.Baseline.TryGetValue(c.Code, out var v) ? v : double.NaN).ToImmutableArray());
        var outcomes = ImmutableDictionary.CreateBuilder<string, ImmutableArray<double>>();
        foreach (var indicator in protocol.Indicators)
        foreach (var wave in indicator.WaveCodes)
            outcomes[AnalysisDataset.Key(indicator.Code, wave)] = participants
                .Select(p => p.Waves.TryGetValue(wave, out var r) && r.Values.TryGetValue(indicator.Code, out var v) ? v : double.NaN).ToImmutableArray();
        var dates = protocol.Waves.ToImmutableDictionary(w => w.Code,
            w => participants.Select(p => p.Waves.TryGetValue(w.Code, out var r) ? r.CollectedOn : (DateOnly?)null).ToImmutableArray());
        return new AnalysisDataset(protocol.Id, 1, [.. participants.Select(p => p.Group)], [.. participants.Select(p => (string?)p.School)],
            [.. Enumerable.Repeat("active", n)], covariates, outcomes.ToImmutable(), dates, "synthetic");
    }
}
