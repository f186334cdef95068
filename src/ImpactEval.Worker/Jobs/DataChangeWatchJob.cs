using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Turns data changes and new protocol versions into coalesced recomputations. Every change of the analysed data
/// leaves a row in an append-only table (an import, an observation entered by hand, a correction, a cohort status
/// or group change, the audit entry of an erasure), written in the same transaction as the data by whichever process made it (CLI, worker, API):
/// <see cref="ChangeFeed"/> reads them forward and names the protocols concerned. For each, this job (re)schedules
/// the protocol's one "data changed" trigger at now + <see cref="WorkerOptions.RecomputeQuietPeriod"/> — never later
/// than <see cref="WorkerOptions.RecomputeMaxDelay"/> after the first change still waiting. A burst of imports
/// therefore moves one trigger forward and ends in one recomputation.
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(0)]
public sealed class DataChangeWatchJob(ImpactEvalDbContext db, ProtocolSchedules schedules, IOptions<WorkerOptions> options, TimeProvider clock) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var changed = await new ChangeFeed(db).ReadAsync(now.UtcDateTime, cancellationToken);
        var protocols = await db.Protocols.Select(p => new { p.Id, p.Code, p.CurrentVersion }).ToListAsync(cancellationToken);
        var marks = await db.DataWatermarks.ToDictionaryAsync(w => w.ProtocolId, cancellationToken);
        var requested = new List<string>();
        foreach (var protocol in protocols)
        {
            if (!marks.TryGetValue(protocol.Id, out var mark))
            {
                mark = new DataWatermark { ProtocolId = protocol.Id, ProtocolVersion = protocol.CurrentVersion, UpdatedAt = now.UtcDateTime };
                db.DataWatermarks.Add(mark);
            }
            var newVersion = protocol.CurrentVersion > mark.ProtocolVersion;
            mark.ProtocolVersion = protocol.CurrentVersion;
            if (!newVersion && !changed.Contains(protocol.Id)) continue;
            mark.PendingSince ??= now.UtcDateTime;
            mark.UpdatedAt = now.UtcDateTime;

            var deadline = new DateTimeOffset(DateTime.SpecifyKind(mark.PendingSince.Value, DateTimeKind.Utc)) + settings.RecomputeMaxDelay;
            var fireAt = now + settings.RecomputeQuietPeriod < deadline ? now + settings.RecomputeQuietPeriod : deadline;
            await schedules.RequestRecomputeAsync(context.Scheduler, protocol.Code, fireAt < now ? now : fireAt, cancellationToken);
            requested.Add(protocol.Code);
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Result = requested.Count == 0
            ? JobRunReport.Skipped("Aucune donnée ni version de protocole nouvelle.")
            : JobRunReport.Succeeded($"Données ou protocole modifiés : recalcul demandé pour {string.Join(", ", requested)}.");
    }
}
