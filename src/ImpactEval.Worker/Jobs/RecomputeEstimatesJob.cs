using ImpactEval.Analysis;
using ImpactEval.Data;
using ImpactEval.Worker.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Recomputes one protocol's estimates (<see cref="EstimateService"/>): nothing is computed or stored when the data
/// fingerprint and the protocol version are those of a stored run, so running it again — nightly, after a crash,
/// twice for one burst of imports — never stores a result twice.
/// </summary>
/// <remarks>
/// Run nightly (recurring job <c>recompute.&lt;code&gt;.nightly</c>), after data changes (fire-and-forget, coalesced by
/// <see cref="Housekeeping.DataChangeWatch"/>) and on demand. A protocol's recomputations and reports never run
/// together, on any node (<see cref="JobCatalog.ExclusiveResource"/>). Failures surface as exceptions: Hangfire retries
/// them with back-off, then the history records the failure and the operators are notified.
/// </remarks>
public sealed class RecomputeEstimatesJob(ImpactEvalDbContext db, IOptions<WorkerOptions> options)
{
    /// <summary>Recomputes <paramref name="protocolCode"/>'s estimates, or reuses the stored ones.</summary>
    /// <param name="protocolCode">The protocol's code.</param>
    /// <param name="cancellationToken">Hangfire's token: cancelled when the node stops past its shutdown timeout.</param>
    /// <exception cref="InvalidOperationException">No such protocol (French message).</exception>
    public async Task<JobRunReport> RunAsync(string protocolCode, CancellationToken cancellationToken)
    {
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.Code == protocolCode, cancellationToken)
            ?? throw new InvalidOperationException($"Aucun protocole « {protocolCode} » n’est enregistré : impossible de recalculer ses estimations.");
        // Reads (and so checks) the stored protocol text first: a version that no longer loads is a failure.
        _ = await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken);
        if (!await db.Enrolments.AnyAsync(e => e.ProtocolId == protocol.Id, cancellationToken))
            return JobRunReport.Skipped("Aucun participant inscrit : pas encore d'estimation à calculer.")
                .With("protocol", protocolCode).With("protocolVersion", protocol.CurrentVersion);
        var lastImport = await db.Imports.Where(i => i.ProtocolId == protocol.Id).MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0;
        // Changes seen so far are being taken into account: the next import opens a new debounce window.
        await db.DataWatermarks.Where(w => w.ProtocolId == protocol.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.PendingSince, (DateTime?)null), cancellationToken);

        if (options.Value.FaultInjectionRecomputeHold is { } hold && hold > TimeSpan.Zero)
            await Task.Delay(hold, cancellationToken);

        var computation = await new EstimateService(db).ComputeAsync(protocolCode, $"worker:{options.Value.NodeName}", cancellationToken);
        var run = await db.EstimateRuns.AsNoTracking().SingleAsync(r => r.Id == computation.RunId, cancellationToken);
        return JobRunReport.Succeeded(computation.Reused
                ? $"Données inchangées : estimations v{run.ProtocolVersion} reprises ({computation.Results.Participants} participants)."
                : $"Estimations recalculées sur {computation.Results.Participants} participants (protocole v{run.ProtocolVersion}).")
            .With("protocol", protocolCode)
            .With("protocolVersion", run.ProtocolVersion)
            .With("lastImport", lastImport)
            .With("dataFingerprint", run.DataFingerprint[..16])
            .With("estimateRun", run.Id)
            .With("reused", computation.Reused);
    }
}
