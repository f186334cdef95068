using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Opens, closes and locks collection campaigns when their dates come (<see cref="CampaignLifecycle"/>), once a
/// day just after midnight, and announces openings and locks by e-mail. The dates decide: a day missed while the
/// service was down is caught up at the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignLifecycleJob(ImpactEvalDbContext db, ContactDirectory contacts, IOptions<WorkerOptions> options, TimeProvider clock) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = LocalDate.Today(clock, options.Value.TimeZone);
        var round = await new CampaignLifecycle(db, contacts, clock).AdvanceAsync(today, $"worker:{context.Scheduler.SchedulerInstanceId}", cancellationToken);
        int Count(CampaignState state) => round.Transitions.Count(t => t.To == state);
        var summary = round.Transitions.Count == 0
            ? "Aucune campagne à ouvrir, clore ou verrouiller."
            : $"Campagnes : {Count(CampaignState.Open)} ouverte(s), {Count(CampaignState.Closed)} close(s), {Count(CampaignState.Locked)} verrouillée(s) " +
              $"({string.Join(", ", round.Transitions.Select(t => $"{t.Campaign} : {t.To.Label()}"))}) ; {round.Queued} annonce(s) en file." +
              (round.WithoutAddress.Count == 0 ? "" : $" Sans adresse configurée (Contacts) : {string.Join(", ", round.WithoutAddress)}.");
        var report = round.Transitions.Count == 0 ? JobRunReport.Skipped(summary) : JobRunReport.Succeeded(summary);
        context.Result = report.With("today", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .With("transitions", round.Transitions.Count).With("queued", round.Queued);
    }
}
