using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Housekeeping;

/// <summary>
/// Turns data changes and new protocol versions into coalesced recomputations. Every change of the analysed data
/// leaves a row in an append-only table (an import, an observation entered by hand, a correction, a cohort status
/// or group change, the audit entry of an erasure), written in the same transaction as the data by whichever process
/// made it (CLI, worker, API): <see cref="ChangeFeed"/> reads them forward and names the protocols concerned. A
/// protocol with changes waiting is recomputed — one fire-and-forget <see cref="RecomputeEstimatesJob"/> — once no
/// new change has come for <see cref="WorkerOptions.RecomputeQuietPeriod"/>, or at the latest
/// <see cref="WorkerOptions.RecomputeMaxDelay"/> after the first change waiting: a burst of imports ends in one
/// recomputation.
/// </summary>
/// <remarks>
/// The waiting changes are the protocol's <see cref="DataWatermark"/> (first change waiting, last change seen), saved
/// after the request: a crash in between requests the recomputation twice, which stores nothing twice.
/// </remarks>
public sealed class DataChangeWatch(ImpactEvalDbContext db, JobRequests requests, IOptions<WorkerOptions> options, TimeProvider clock) : IHousekeepingTask
{
    /// <summary>The task's name in the history.</summary>
    public const string Name = "data-watch";

    /// <inheritdoc />
    public async Task<JobRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await new ChangeFeed(db).ReadAsync(now, cancellationToken);
        var protocols = await db.Protocols.Select(p => new { p.Id, p.Code, p.CurrentVersion }).ToListAsync(cancellationToken);
        var marks = await db.DataWatermarks.ToDictionaryAsync(w => w.ProtocolId, cancellationToken);
        var requested = new List<string>();
        foreach (var protocol in protocols)
        {
            if (!marks.TryGetValue(protocol.Id, out var mark))
            {
                mark = new DataWatermark { ProtocolId = protocol.Id, ProtocolVersion = protocol.CurrentVersion, UpdatedAt = now };
                db.DataWatermarks.Add(mark);
            }
            var newVersion = protocol.CurrentVersion > mark.ProtocolVersion;
            mark.ProtocolVersion = protocol.CurrentVersion;
            if (newVersion || changed.Contains(protocol.Id))
            {
                mark.PendingSince ??= now;
                mark.UpdatedAt = now;
            }
            if (mark.PendingSince is not { } since || !IsDue(since, mark.UpdatedAt, now, settings.RecomputeQuietPeriod, settings.RecomputeMaxDelay)) continue;
            requests.Enqueue(JobCatalog.JobOf(JobCatalog.Recompute(protocol.Code))!, JobCatalog.RecomputeOnChange(protocol.Code));
            mark.PendingSince = null;
            requested.Add(protocol.Code);
        }
        await db.SaveChangesAsync(cancellationToken);
        return requested.Count == 0
            ? JobRunReport.Skipped("Aucune donnée ni version de protocole nouvelle à recalculer.")
            : JobRunReport.Succeeded($"Données ou protocole modifiés : recalcul demandé pour {string.Join(", ", requested)}.");
    }

    /// <summary>
    /// Whether changes waiting since <paramref name="pendingSince"/>, the last seen at <paramref name="lastChange"/>, are
    /// due for recomputation at <paramref name="now"/>: quiet for <paramref name="quietPeriod"/>, or waiting for
    /// <paramref name="maxDelay"/> (all UTC).
    /// </summary>
    public static bool IsDue(DateTime pendingSince, DateTime lastChange, DateTime now, TimeSpan quietPeriod, TimeSpan maxDelay) =>
        now >= lastChange + quietPeriod || now >= pendingSince + maxDelay;
}
