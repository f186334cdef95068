using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Opens, closes and locks collection campaigns when their dates come (<see cref="CampaignLifecycle"/>), once a
/// day just after midnight, and announces openings and locks by e-mail; then requests the consolidation of every
/// national campaign closed whose current data has no synthesis yet (<see cref="CampaignConsolidationJob"/>, one
/// trigger per campaign). The dates decide: a day missed while the service was down is caught up at the next run, and
/// a campaign closed by hand (<c>impacteval campaign close</c>) is consolidated at the next pass.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignLifecycleJob(ImpactEvalDbContext db, ContactDirectory contacts, CampaignConsolidations consolidations, IOptions<WorkerOptions> options,
    TimeProvider clock) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = LocalDate.Today(clock, options.Value.TimeZone);
        var round = await new CampaignLifecycle(db, contacts, clock).AdvanceAsync(today, $"worker:{context.Scheduler.SchedulerInstanceId}", cancellationToken);
        var due = await consolidations.DueAsync(today, cancellationToken);
        foreach (var campaign in due) await RequestConsolidationAsync(context.Scheduler, campaign, cancellationToken);
        int Count(CampaignState state) => round.Transitions.Count(t => t.To == state);
        var summary = round.Transitions.Count == 0
            ? "Aucune campagne à ouvrir, clore ou verrouiller."
            : $"Campagnes : {Count(CampaignState.Open)} ouverte(s), {Count(CampaignState.Closed)} close(s), {Count(CampaignState.Locked)} verrouillée(s) " +
              $"({string.Join(", ", round.Transitions.Select(t => $"{t.Campaign} : {t.To.Label()}"))}) ; {round.Queued} annonce(s) en file." +
              (round.WithoutAddress.Count == 0 ? "" : $" Sans adresse configurée (Contacts) : {string.Join(", ", round.WithoutAddress)}.");
        if (due.Count > 0) summary += $" Consolidation demandée : {string.Join(", ", due)}.";
        var report = round.Transitions.Count == 0 && due.Count == 0 ? JobRunReport.Skipped(summary) : JobRunReport.Succeeded(summary);
        context.Result = report.With("today", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .With("transitions", round.Transitions.Count).With("queued", round.Queued).With("consolidations", due.Count);
    }

    /// <summary>
    /// Fires the consolidation of a campaign now, replacing a request not yet run (one trigger key per campaign).
    /// Misfire: FireNow — a request seen just before a crash is still honoured when the scheduler is back.
    /// </summary>
    private static async Task RequestConsolidationAsync(IScheduler scheduler, string campaign, CancellationToken cancellationToken) =>
        await scheduler.ScheduleTrigger(TriggerBuilder.Create()
            .WithIdentity(JobNames.ConsolidateCampaign(campaign))
            .ForJob(JobNames.CampaignConsolidation)
            .WithDescription($"Consolidation de la campagne nationale « {campaign} »")
            .UsingJobData(JobNames.CampaignKey, campaign)
            .StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build(), TriggerConflict.Replace, cancellationToken);
}
