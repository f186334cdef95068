using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Analysis;

/// <summary>
/// Computes a protocol's estimates from its current data and keeps them: reads the dataset, runs the analyses,
/// and stores a new <see cref="EstimateRun"/> only when the data, the protocol version or the analysis engine changed
/// (same fingerprint, same protocol version and same <see cref="AnalysisEngine.Version"/>: same results, nothing is
/// computed or stored twice). A run stored by another engine version is never reused: its results are recomputed.
/// </summary>
/// <remarks>
/// The engine and build versions are kept inside the stored results (<see cref="AnalysisResults.EngineVersion"/>,
/// <see cref="AnalysisResults.BuildVersion"/>) rather than in columns of their own, so that no schema step is needed:
/// the reuse check reads the JSON of the one candidate run, which is cheap next to computing.
/// </remarks>
public sealed class EstimateService(ImpactEvalDbContext db)
{
    /// <summary>The outcome of a computation.</summary>
    /// <param name="Protocol">The protocol used.</param>
    /// <param name="Results">The results.</param>
    /// <param name="RunId">The stored run.</param>
    /// <param name="Reused">True when an existing run with the same fingerprint was returned.</param>
    public sealed record Computation(Core.Model.Protocol Protocol, AnalysisResults Results, int RunId, bool Reused);

    /// <summary>Computes (or reuses) the estimates of a protocol.</summary>
    /// <param name="protocolCode">The protocol identifier.</param>
    /// <param name="actor">Who asked (audit).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="InvalidOperationException">No protocol has this identifier (French message).</exception>
    public async Task<Computation> ComputeAsync(string protocolCode, string actor, CancellationToken cancellationToken = default)
    {
        var current = await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken)
            ?? throw new InvalidOperationException($"Aucun protocole « {protocolCode} » n'est enregistré.");
        var (protocol, version) = current;
        var dataset = await new DatasetBuilder(db).BuildAsync(protocol, version, cancellationToken);
        var stored = await db.Protocols.SingleAsync(p => p.Code == protocolCode, cancellationToken);
        var existing = await db.EstimateRuns.AsNoTracking()
            .Where(r => r.ProtocolId == stored.Id && r.DataFingerprint == dataset.Fingerprint && r.ProtocolVersion == version)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null && ResultsJson.Read(existing.ResultJson) is { EngineVersion: AnalysisEngine.Version } reused)
            return new Computation(protocol, reused, existing.Id, true);

        var results = ProtocolAnalysis.Run(protocol, dataset);
        var run = new EstimateRun
        {
            ProtocolId = stored.Id, ProtocolVersion = version, DataFingerprint = dataset.Fingerprint, ComputedAt = DateTime.UtcNow,
            ResultJson = ResultsJson.Write(results),
        };
        db.EstimateRuns.Add(run);
        db.AuditEntries.Add(new AuditEntry
        {
            At = run.ComputedAt, Actor = actor, Action = "estimates.compute", TerritoryId = stored.TerritoryId,
            Subject = $"protocole {protocolCode} v{version}",
            Details = $"{dataset.Count} participants, empreinte {dataset.Fingerprint[..12]}, moteur d’analyse {AnalysisEngine.Version} ({AnalysisEngine.BuildVersion})"
                      + (existing is null ? "" : " ; estimations précédentes recalculées (autre version du moteur d’analyse)"),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Computation(protocol, results, run.Id, false);
    }

    /// <summary>The latest stored results of a protocol, or null when none was computed.</summary>
    public async Task<AnalysisResults?> LatestAsync(string protocolCode, CancellationToken cancellationToken = default)
    {
        var json = await db.EstimateRuns.Where(r => db.Protocols.Any(p => p.Id == r.ProtocolId && p.Code == protocolCode))
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : ResultsJson.Read(json);
    }
}
