using ImpactEval.Analysis;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Recomputes one protocol's estimates (<see cref="EstimateService"/>): nothing is computed or stored when the data
/// fingerprint and the protocol version are those of a stored run, so running it again — nightly, after a crash,
/// twice for one burst of imports — never stores a result twice.
/// </summary>
/// <remarks>
/// One job per protocol (its key names the protocol), with <see cref="DisallowConcurrentExecutionAttribute"/>: the
/// nightly and the "data changed" triggers of a protocol never run together, on any node. Failures surface as
/// exceptions: the scheduler retries them with back-off, then the history records the failure and the operators
/// are notified.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class RecomputeEstimatesJob(ImpactEvalDbContext db, IOptions<WorkerOptions> options) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var code = context.MergedJobDataMap.GetString(JobNames.ProtocolKey)
            ?? throw new InvalidOperationException($"La tâche {context.JobDetail.Key} ne porte pas la donnée « {JobNames.ProtocolKey} » (le protocole à traiter) : elle a été mal programmée.");
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? throw new InvalidOperationException($"Aucun protocole « {code} » n'est enregistré : impossible de recalculer ses estimations.");
        // Reads (and so checks) the stored protocol text first: a version that no longer loads is a failure.
        _ = await new ProtocolRegistry(db).LoadCurrentAsync(code, cancellationToken);
        if (!await db.Enrolments.AnyAsync(e => e.ProtocolId == protocol.Id, cancellationToken))
        {
            context.Result = JobRunReport.Skipped("Aucun participant inscrit : pas encore d'estimation à calculer.")
                .With("protocol", code).With("protocolVersion", protocol.CurrentVersion);
            return;
        }
        var lastImport = await db.Imports.Where(i => i.ProtocolId == protocol.Id).MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0;
        // Changes seen so far are being taken into account: the next import opens a new debounce window.
        await db.DataWatermarks.Where(w => w.ProtocolId == protocol.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.PendingSince, (DateTime?)null), cancellationToken);
        var report = JobRunReport.Succeeded(null).With("protocol", code).With("protocolVersion", protocol.CurrentVersion).With("lastImport", lastImport);
        context.Result = report;

        if (options.Value.FaultInjectionRecomputeHold is { } hold && hold > TimeSpan.Zero)
            await Task.Delay(hold, cancellationToken);

        var computation = await new EstimateService(db).ComputeAsync(code, $"worker:{context.Scheduler.SchedulerInstanceId}", cancellationToken);
        var run = await db.EstimateRuns.AsNoTracking().SingleAsync(r => r.Id == computation.RunId, cancellationToken);
        context.Result = JobRunReport.Succeeded(computation.Reused
                ? $"Données inchangées : estimations v{run.ProtocolVersion} reprises ({computation.Results.Participants} participants)."
                : $"Estimations recalculées sur {computation.Results.Participants} participants (protocole v{run.ProtocolVersion}).")
            .With("protocol", code)
            .With("protocolVersion", run.ProtocolVersion)
            .With("lastImport", lastImport)
            .With("dataFingerprint", run.DataFingerprint[..16])
            .With("estimateRun", run.Id)
            .With("reused", computation.Reused);
    }
}
