using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Turns imports and new protocol versions into coalesced recomputations. Every accepted import is a row of
/// <c>imports</c>, written in the same transaction as the data, by whichever process imported (CLI, worker, API):
/// this job compares each protocol's last import and current version with its <see cref="DataWatermark"/> and,
/// when there is something new, (re)schedules
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
        var protocols = await db.Protocols
            .Select(p => new { p.Id, p.Code, p.CurrentVersion, LastImportId = db.Imports.Where(i => i.ProtocolId == p.Id).Max(i => (int?)i.Id) ?? 0 })
            .ToListAsync(cancellationToken);
        var marks = await db.DataWatermarks.ToDictionaryAsync(w => w.ProtocolId, cancellationToken);
        var now = clock.GetUtcNow();
        var requested = new List<string>();
        foreach (var protocol in protocols)
        {
            marks.TryGetValue(protocol.Id, out var mark);
            var changed = mark is null
                ? protocol.LastImportId > 0
                : protocol.LastImportId > mark.LastImportId || protocol.CurrentVersion > mark.ProtocolVersion;
            if (mark is null)
            {
                mark = new DataWatermark { ProtocolId = protocol.Id, UpdatedAt = now.UtcDateTime };
                db.DataWatermarks.Add(mark);
            }
            mark.LastImportId = protocol.LastImportId;
            mark.ProtocolVersion = protocol.CurrentVersion;
            if (!changed) continue;
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
