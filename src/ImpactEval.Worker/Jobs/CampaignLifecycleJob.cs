using ImpactEval.Collection;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Opens, closes and locks collection campaigns when their dates come (<see cref="Campaigns.CampaignLifecycle"/>), once
/// a day just after midnight, and announces openings and locks by e-mail; then requests the consolidation of every
/// national campaign closed whose current data has no synthesis yet (<see cref="CampaignConsolidationJob"/>, one
/// fire-and-forget run per campaign). The dates decide: a day missed while the service was down is caught up at the
/// next run, and a campaign closed by hand (<c>impacteval campaign close</c>) is consolidated at the next pass.
/// </summary>
public sealed class CampaignLifecycleJob(
    ImpactEvalDbContext db, ContactDirectory contacts, CampaignConsolidations consolidations, JobRequests requests, LocalClock clock,
    TimeProvider time, IOptions<WorkerOptions> options)
{
    /// <summary>Runs the calendar pass of today (local date).</summary>
    /// <param name="cancellationToken">Hangfire's token.</param>
    public async Task<JobRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var round = await new CampaignLifecycle(db, contacts, time).AdvanceAsync(today, $"worker:{options.Value.NodeName}", cancellationToken);
        var due = await consolidations.DueAsync(today, cancellationToken);
        foreach (var campaign in due) requests.Enqueue(JobCatalog.Consolidation(campaign), JobCatalog.ConsolidateCampaign(campaign));
        int Count(CampaignState state) => round.Transitions.Count(t => t.To == state);
        var summary = round.Transitions.Count == 0
            ? "Aucune campagne à ouvrir, clore ou verrouiller."
            : $"Campagnes : {Count(CampaignState.Open)} ouverte(s), {Count(CampaignState.Closed)} close(s), {Count(CampaignState.Locked)} verrouillée(s) " +
              $"({string.Join(", ", round.Transitions.Select(t => $"{t.Campaign} : {t.To.Label()}"))}) ; {round.Queued} annonce(s) en file." +
              (round.WithoutAddress.Count == 0 ? "" : $" Sans adresse configurée (Contacts) : {string.Join(", ", round.WithoutAddress)}.");
        if (due.Count > 0) summary += $" Consolidation demandée : {string.Join(", ", due)}.";
        var report = round.Transitions.Count == 0 && due.Count == 0 ? JobRunReport.Skipped(summary) : JobRunReport.Succeeded(summary);
        return report.With("today", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .With("transitions", round.Transitions.Count).With("queued", round.Queued).With("consolidations", due.Count);
    }
}
