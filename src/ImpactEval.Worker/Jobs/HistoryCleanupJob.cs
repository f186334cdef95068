using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Keeps the history bounded: deletes job runs that ended more than <see cref="WorkerOptions.HistoryRetention"/>
/// ago, and delivered (or given up) notifications as old. Failed runs are kept like the others: the retention is
/// the operator's window to look at them. Runs every night (Hangfire keeps its own job records one day).
/// </summary>
public sealed class HistoryCleanupJob(ImpactEvalDbContext db, IOptions<WorkerOptions> options, TimeProvider clock)
{
    /// <summary>Purges the old history.</summary>
    /// <param name="cancellationToken">Hangfire's token.</param>
    public async Task<JobRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.HistoryRetention;
        var runs = await db.JobRuns.Where(r => r.EndedAt != null && r.EndedAt < cutoff && r.Status != JobRunState.Running).ExecuteDeleteAsync(cancellationToken);
        var messages = await db.OutboxMessages.Where(m => (m.SentAt != null && m.SentAt < cutoff) || (m.GaveUp && m.CreatedAt < cutoff)).ExecuteDeleteAsync(cancellationToken);
        return runs + messages == 0
            ? JobRunReport.Skipped("Rien d'ancien à effacer.")
            : JobRunReport.Succeeded($"Historique purgé : {runs} exécution(s) et {messages} notification(s) de plus de {options.Value.HistoryRetention.TotalDays:0} jours.")
                .With("runs", runs).With("messages", messages);
    }
}
