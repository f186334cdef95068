using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.Statistics;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Analysis.National;

/// <summary>
/// Finds the cités whose protocols share an analysis, an indicator and a contrast (the same protocol family), reads their
/// latest stored estimates (what they published; the service never computes a cité's estimates here) and pools them with
/// <see cref="Pooling.Pool"/>. What <c>impacteval pool</c> calls.
/// </summary>
public sealed class PoolingService(ImpactEvalDbContext db)
{
    /// <summary>The outcome of a pooling request.</summary>
    /// <param name="Pooled">The pooled contrast, or null when pooling is impossible (<see cref="Message"/> says why, in French).</param>
    /// <param name="Message">Why pooling was refused, or a one-line French summary.</param>
    /// <param name="Incompatible">Protocols left out because the indicator is not measured on the same scale as in the first one.</param>
    /// <param name="WithoutResults">Protocols with the contrast but no stored estimates yet.</param>
    public sealed record Outcome(PooledContrast? Pooled, string Message, int Incompatible, int WithoutResults);

    /// <summary>Pools one contrast across every protocol that has it (or the listed ones).</summary>
    /// <param name="analysis">The analysis code ("A2").</param>
    /// <param name="indicator">The indicator code.</param>
    /// <param name="comparison">The comparison group code (the focal group is each protocol's own).</param>
    /// <param name="protocols">Protocol identifiers to consider; empty for every registered protocol.</param>
    /// <param name="threshold">Smallest publishable count.</param>
    /// <param name="method">τ² estimator.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<Outcome> PoolAsync(string analysis, string indicator, string comparison, IReadOnlyCollection<string> protocols, int threshold,
        PoolingMethod method = PoolingMethod.RestrictedMaximumLikelihood, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Protocols.AsNoTracking().Include(p => p.Territory)
            .Where(p => protocols.Count == 0 || protocols.Contains(p.Code)).OrderBy(p => p.Territory!.Code).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var registry = new ProtocolRegistry(db);
        var estimates = new EstimateService(db);
        var cites = new List<CiteEstimate>();
        Core.Model.Scale? reference = null;
        int incompatible = 0, withoutResults = 0;
        foreach (var stored in candidates)
        {
            var current = await registry.LoadCurrentAsync(stored.Code, cancellationToken);
            if (current is not { } loaded) continue;
            var spec = loaded.Protocol.FindAnalysis(analysis);
            var measured = loaded.Protocol.FindIndicator(indicator);
            if (spec is null || measured is null || !spec.OutcomeCodes.Contains(indicator) || !spec.Contrasts.Any(c => c.ComparisonCode == comparison)) continue;
            reference ??= measured.Scale;
            if (!measured.Scale.SameMeaningAs(reference)) { incompatible++; continue; }
            var results = await estimates.LatestAsync(stored.Code, cancellationToken);
            var contrast = results?.Analyses.FirstOrDefault(a => a.Code == analysis)?.Contrasts.FirstOrDefault(c => c.Indicator == indicator && c.Comparison == comparison);
            if (contrast is null) { withoutResults++; continue; }
            cites.Add(new CiteEstimate(stored.Territory!.Code, stored.Territory.Name ?? stored.Territory.Code, stored.Code, contrast));
        }
        if (cites.Count == 0)
            return new Outcome(null, $"Aucune cité n’a d’estimation de l’analyse «\u202F{analysis}\u202F», indicateur «\u202F{indicator}\u202F», groupe de comparaison «\u202F{comparison}\u202F».", incompatible, withoutResults);
        try
        {
            var pooled = Pooling.Pool(analysis, cites, threshold, method);
            return new Outcome(pooled, $"{pooled.Included.Length} cités regroupées ; {pooled.BelowThreshold} sous le seuil du secret statistique, {pooled.NotEstimated} sans estimation.", incompatible, withoutResults);
        }
        catch (StatisticsException e)
        {
            return new Outcome(null, e.Message, incompatible, withoutResults);
        }
    }
}
