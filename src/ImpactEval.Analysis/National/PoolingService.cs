using System.Collections.Immutable;
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
        var published = await PublishedAsync(p => protocols.Count == 0 || protocols.Contains(p.Code), cancellationToken);
        var cites = new List<CiteEstimate>();
        Core.Model.Scale? reference = null;
        int incompatible = 0, withoutResults = 0;
        foreach (var protocol in published)
        {
            var spec = protocol.Protocol.FindAnalysis(analysis);
            var measured = protocol.Protocol.FindIndicator(indicator);
            if (spec is null || measured is null || !spec.OutcomeCodes.Contains(indicator) || !spec.Contrasts.Any(c => c.ComparisonCode == comparison)) continue;
            reference ??= measured.Scale;
            if (!measured.Scale.SameMeaningAs(reference)) { incompatible++; continue; }
            var contrast = protocol.Results?.Analyses.FirstOrDefault(a => a.Code == analysis)?.Contrasts.FirstOrDefault(c => c.Indicator == indicator && c.Comparison == comparison);
            if (contrast is null) { withoutResults++; continue; }
            cites.Add(protocol.Cite(contrast));
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

    /// <summary>
    /// Every contrast that the protocols of the given cités share, with each cité's published estimate: the local
    /// evaluations a national synthesis pools (<see cref="SharedContrast"/>). A contrast is shared when at least two
    /// protocols have stored estimates of it with the indicator on the same scale (protocols measuring it on another scale
    /// are left out). Nothing is pooled here: the synthesis pools with its own secrecy threshold.
    /// </summary>
    /// <param name="territories">Codes of the cités whose protocols are considered (the cités a campaign asked).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<ImmutableArray<SharedContrast>> SharedAsync(IReadOnlyCollection<string> territories, CancellationToken cancellationToken = default)
    {
        var published = await PublishedAsync(p => territories.Contains(p.Territory!.Code), cancellationToken);
        var byContrast = new Dictionary<(string Analysis, string Indicator, string Comparison), List<(PublishedProtocol Protocol, ContrastEstimate Contrast)>>();
        foreach (var protocol in published.Where(p => p.Results is not null))
        foreach (var analysis in protocol.Results!.Analyses)
        foreach (var contrast in analysis.Contrasts)
        {
            var key = (analysis.Code, contrast.Indicator, contrast.Comparison);
            if (!byContrast.TryGetValue(key, out var list)) byContrast[key] = list = [];
            list.Add((protocol, contrast));
        }
        var shared = new List<SharedContrast>();
        foreach (var ((analysis, indicator, comparison), estimates) in byContrast)
        {
            var first = estimates[0].Protocol.Protocol;
            var scale = first.FindIndicator(indicator)?.Scale;
            var same = estimates.Where(e => scale is not null && e.Protocol.Protocol.FindIndicator(indicator)?.Scale.SameMeaningAs(scale) == true).ToList();
            if (same.Count < 2) continue;
            shared.Add(new SharedContrast(analysis, indicator, first.FindIndicator(indicator)!.Label, comparison, first.FindGroup(comparison)?.Label ?? comparison,
                [.. same.Select(e => e.Protocol.Cite(e.Contrast))]));
        }
        return [.. shared.OrderBy(c => c.Analysis, StringComparer.Ordinal).ThenBy(c => c.Indicator, StringComparer.Ordinal).ThenBy(c => c.Comparison, StringComparer.Ordinal)];
    }

    /// <summary>The current version of every protocol the filter keeps, with its latest stored estimates (null when none), by cité then code.</summary>
    private async Task<List<PublishedProtocol>> PublishedAsync(System.Linq.Expressions.Expression<Func<Data.Entities.Protocol, bool>> filter, CancellationToken cancellationToken)
    {
        var candidates = await db.Protocols.AsNoTracking().Include(p => p.Territory).Where(filter)
            .OrderBy(p => p.Territory!.Code).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var registry = new ProtocolRegistry(db);
        var estimates = new EstimateService(db);
        var published = new List<PublishedProtocol>();
        foreach (var stored in candidates)
        {
            if (await registry.LoadCurrentAsync(stored.Code, cancellationToken) is not { } loaded) continue;
            published.Add(new PublishedProtocol(stored.Territory!.Code, stored.Territory.Name ?? stored.Territory.Code, stored.Code, loaded.Protocol,
                await estimates.LatestAsync(stored.Code, cancellationToken)));
        }
        return published;
    }

    private sealed record PublishedProtocol(string Territory, string Name, string Code, Core.Model.Protocol Protocol, AnalysisResults? Results)
    {
        public CiteEstimate Cite(ContrastEstimate contrast) => new(Territory, Name, Code, contrast);
    }
}
