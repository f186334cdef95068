using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Consolidates a national campaign and renders its synthesis (<see cref="CampaignConsolidations"/>). The campaign
/// lifecycle job fires it, one trigger per campaign (<see cref="JobNames.ConsolidateCampaign"/>), for every national
/// campaign closed whose current data has no synthesis yet; fired without a campaign (an operator's "trigger now"), it
/// consolidates every campaign due today. Never runs concurrently with itself; a run cut short by a crash is run again
/// (recovery) and the synthesis is still recorded once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignConsolidationJob(CampaignConsolidations consolidations, IOptions<WorkerOptions> options, TimeProvider clock) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var actor = $"worker:{context.Scheduler.SchedulerInstanceId}";
        IReadOnlyList<string> campaigns = context.MergedJobDataMap.GetString(JobNames.CampaignKey) is { Length: > 0 } one
            ? [one]
            : await consolidations.DueAsync(LocalDate.Today(clock, options.Value.TimeZone), cancellationToken);
        if (campaigns.Count == 0)
        {
            context.Result = JobRunReport.Skipped("Aucune campagne nationale close à consolider.");
            return;
        }
        var rounds = new List<ConsolidationRound>();
        foreach (var campaign in campaigns) rounds.Add(await consolidations.RunAsync(campaign, actor, cancellationToken));
        var summary = string.Join(" ", rounds.Select(r => r.Summary));
        var report = rounds.Any(r => r.Rendered) ? JobRunReport.Succeeded(summary) : JobRunReport.Skipped(summary);
        context.Result = report.With("campaigns", string.Join(",", campaigns)).With("syntheses", rounds.Count(r => r.Rendered))
            .With("key", string.Join(" ", rounds.Select(r => r.Key))).With("checksFailed", rounds.Sum(r => r.Checks.Count)).With("notified", rounds.Sum(r => r.Notified));
    }
}
