using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Turns imports into coalesced recomputations. Every accepted import is a row of <c>imports</c>, written in the
/// same transaction as the data, by whichever process imported (CLI, worker, API): this job compares each
/// protocol's last import with its <see cref="DataWatermark"/> and, when there is something new, (re)schedules
/// the protocol's one "data changed" trigger at now + <see cref="WorkerOptions.RecomputeQuietPeriod"/> — never
/// later than <see cref="WorkerOptions.RecomputeMaxDelay"/> after the first change still waiting. A burst of
/// imports therefore moves one trigger forward and ends in one recomputation.
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(0)]
public sealed class DataChangeWatchJob(ImpactEvalDbContext db, ProtocolSchedules schedules, IOptions<WorkerOptions> options, TimeProvider clock) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var latest = await db.Imports.GroupBy(i => i.ProtocolId)
            .Select(g => new { ProtocolId = g.Key, LastImportId = g.Max(i => i.Id) })
            .ToListAsync(cancellationToken);
        var marks = await db.DataWatermarks.ToDictionaryAsync(w => w.ProtocolId, cancellationToken);
        if (latest.All(change => marks.TryGetValue(change.ProtocolId, out var seen) && change.LastImportId <= seen.LastImportId))
        {
            context.Result = JobRunReport.Skipped("Aucun nouvel import.");
            return;
        }
        var codes = await db.Protocols.ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken);
        var now = clock.GetUtcNow();
        var requested = new List<string>();
        foreach (var change in latest)
        {
            if (marks.TryGetValue(change.ProtocolId, out var mark) && change.LastImportId <= mark.LastImportId) continue;
            if (mark is null)
            {
                mark = new DataWatermark { ProtocolId = change.ProtocolId };
                db.DataWatermarks.Add(mark);
            }
            mark.PendingSince ??= now.UtcDateTime;
            mark.LastImportId = change.LastImportId;
            mark.UpdatedAt = now.UtcDateTime;

            var deadline = new DateTimeOffset(DateTime.SpecifyKind(mark.PendingSince.Value, DateTimeKind.Utc)) + settings.RecomputeMaxDelay;
            var fireAt = now + settings.RecomputeQuietPeriod < deadline ? now + settings.RecomputeQuietPeriod : deadline;
            await schedules.RequestRecomputeAsync(context.Scheduler, codes[change.ProtocolId], fireAt < now ? now : fireAt, cancellationToken);
            requested.Add(codes[change.ProtocolId]);
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Result = JobRunReport.Succeeded($"Nouveaux imports : recalcul demandé pour {string.Join(", ", requested)}.");
    }
}
