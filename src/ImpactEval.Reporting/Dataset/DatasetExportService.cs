using System.Collections.Immutable;
using System.Text;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Reporting.Dataset;

/// <summary>What <see cref="DatasetExportService.ExportAsync"/> should write.</summary>
/// <param name="ProtocolCode">Identifier of the registered protocol.</param>
/// <param name="Format">The data file's format.</param>
/// <param name="OutputDirectory">Directory of the files (created when missing).</param>
public sealed record DatasetExport(string ProtocolCode, DatasetFormat Format, string OutputDirectory);

/// <summary>
/// Exports a protocol's analysis dataset: one row per enrolment (pseudonym, group at enrolment, cluster, status,
/// covariates, each indicator × wave), assembled as a Deedle frame (<see cref="DatasetFrame"/>), with its codebook, the
/// protocol's estimates at full precision (<see cref="TidyResults"/>, computed or reused by <see cref="EstimateService"/>)
/// and, with the CSV format, <c>reproduire.R</c> that recomputes them in R. Pseudonymous individual data: the caller checks
/// the reader's rights (the cité's team or an administrator; the CLI is the operator's tool) and every export is audited
/// ("dataset.export") with the files written.
/// </summary>
public sealed class DatasetExportService(ImpactEvalDbContext db)
{
    /// <summary>The audit action of a dataset export.</summary>
    public const string AuditAction = "dataset.export";

    /// <summary>The outcome of an export.</summary>
    /// <param name="Computation">The estimates written beside the data.</param>
    /// <param name="Frame">The exported dataset.</param>
    /// <param name="Files">Full paths of the files written.</param>
    public sealed record Outcome(EstimateService.Computation Computation, DatasetFrame Frame, ImmutableArray<string> Files);

    /// <summary>Writes the dataset and audits the export.</summary>
    /// <param name="export">Protocol, format, directory.</param>
    /// <param name="actor">Who exports (audit).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <exception cref="InvalidOperationException">No protocol has this identifier (French message).</exception>
    public async Task<Outcome> ExportAsync(DatasetExport export, string actor, CancellationToken cancellationToken = default)
    {
        var computation = await new EstimateService(db).ComputeAsync(export.ProtocolCode, actor, cancellationToken);
        var protocol = computation.Protocol;
        var rows = await DatasetRows.ReadAsync(db, protocol, computation.Results.ProtocolVersion, GroupAssignment.IntentionToTreat, pseudonyms: true, cancellationToken);
        var frame = DatasetFrame.Assemble(protocol, rows);
        var now = DateTimeOffset.Now;
        Directory.CreateDirectory(export.OutputDirectory);
        var files = ImmutableArray.CreateBuilder<string>();
        async Task Text(string name, string text)
        {
            var path = Path.GetFullPath(Path.Combine(export.OutputDirectory, name));
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
            files.Add(path);
        }
        switch (export.Format)
        {
            case DatasetFormat.Csv:
                await Text(DatasetFiles.DataName + ".csv", DatasetFiles.Csv(frame));
                await Text(DatasetFiles.CodebookName + ".csv", DatasetFiles.CodebookCsv(frame));
                break;
            case DatasetFormat.Xlsx:
                var xlsx = Path.GetFullPath(Path.Combine(export.OutputDirectory, DatasetFiles.DataName + ".xlsx"));
                await File.WriteAllBytesAsync(xlsx, DatasetFiles.Xlsx(frame, $"Données d’analyse — {protocol.Title}", now), cancellationToken);
                files.Add(xlsx);
                break;
            default:
                var parquet = Path.GetFullPath(Path.Combine(export.OutputDirectory, DatasetFiles.DataName + ".parquet"));
                await using (var stream = File.Create(parquet)) await DatasetFiles.WriteParquetAsync(frame, stream, cancellationToken);
                files.Add(parquet);
                await Text(DatasetFiles.CodebookName + ".csv", DatasetFiles.CodebookCsv(frame));
                break;
        }
        await Text(ReproductionScript.EstimatesFileName, TidyResults.From(computation.Results).ToCsv());
        if (export.Format == DatasetFormat.Csv)
            await Text(ReproductionScript.FileName, ReproductionScript.Write(frame, AnalysisEngine.Describe(computation.Results.BuildVersion, computation.Results.EngineVersion), now));

        var stored = await db.Protocols.AsNoTracking().SingleAsync(p => p.Code == export.ProtocolCode, cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow,
            Actor = actor,
            Action = AuditAction,
            TerritoryId = stored.TerritoryId,
            Subject = $"données d’analyse du protocole {export.ProtocolCode} v{computation.Results.ProtocolVersion}",
            Details = $"{frame.Count} inscriptions (pseudonymes), {frame.Codebook.Length} variables ; fichiers : {string.Join(" ; ", files)} ; " +
                      $"empreinte des données {computation.Results.DataFingerprint[..Math.Min(12, computation.Results.DataFingerprint.Length)]}",
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(computation, frame, files.ToImmutable());
    }
}
