using ImpactEval.Collection;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Consolidates a national campaign and renders its synthesis (<see cref="CampaignConsolidations"/>). The campaign
/// lifecycle job requests it, one run per campaign (<see cref="JobCatalog.ConsolidateCampaign"/>), for every national
/// campaign closed whose current data has no synthesis yet; run without a campaign (an operator's "trigger now"), it
/// consolidates every campaign due today. A run cut short by a crash is run again and the synthesis is still
/// recorded once (<c>report_renders</c>).
/// </summary>
public sealed class CampaignConsolidationJob(CampaignConsolidations consolidations, LocalClock clock, IOptions<WorkerOptions> options)
{
    /// <summary>Consolidates <paramref name="campaignCode"/>, or every campaign due today when null.</summary>
    /// <param name="campaignCode">The campaign, or null.</param>
    /// <param name="cancellationToken">Hangfire's token.</param>
    public async Task<JobRunReport> RunAsync(string? campaignCode, CancellationToken cancellationToken)
    {
        var actor = $"worker:{options.Value.NodeName}";
        IReadOnlyList<string> campaigns = campaignCode is { Length: > 0 } one ? [one] : await consolidations.DueAsync(clock.Today, cancellationToken);
        if (campaigns.Count == 0) return JobRunReport.Skipped("Aucune campagne nationale close à consolider.");
        var rounds = new List<ConsolidationRound>();
        foreach (var campaign in campaigns) rounds.Add(await consolidations.RunAsync(campaign, actor, cancellationToken));
        var summary = string.Join(" ", rounds.Select(r => r.Summary));
        var report = rounds.Any(r => r.Rendered) ? JobRunReport.Succeeded(summary) : JobRunReport.Skipped(summary);
        return report.With("campaigns", string.Join(",", campaigns)).With("syntheses", rounds.Count(r => r.Rendered))
            .With("key", string.Join(" ", rounds.Select(r => r.Key))).With("checksFailed", rounds.Sum(r => r.Checks.Count)).With("notified", rounds.Sum(r => r.Notified));
    }
}
