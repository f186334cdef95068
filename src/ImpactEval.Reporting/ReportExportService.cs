using System.Collections.Immutable;
using System.Diagnostics;
using ImpactEval.Analysis;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Reporting;

/// <summary>What <see cref="ReportExportService.ExportAsync(ReportExport, string, CancellationToken)"/> should produce.</summary>
/// <param name="ProtocolCode">Identifier of the registered protocol.</param>
/// <param name="TemplateName">Template name or path to a .hbs file; null for the protocol's own <c>report.template</c>.</param>
/// <param name="Formats">Formats to write.</param>
/// <param name="OutputDirectory">Directory of the output files (created when missing).</param>
/// <param name="SuppressionThreshold">Smallest publishable count, at least 1 (default 5; 11 for some health data).</param>
/// <param name="TemplatesDirectory">Templates directory; null for the lookup order of <see cref="Templates.TemplateLocator"/>.</param>
/// <param name="PdfTimeout">How long Chromium may take to print the PDF; null for <see cref="Pdf.ChromiumPdfPrinter.DefaultTimeout"/>.</param>
public sealed record ReportExport(
    string ProtocolCode,
    string? TemplateName,
    ImmutableArray<ReportFormat> Formats,
    string OutputDirectory,
    int SuppressionThreshold = Disclosure.DisclosureControl.DefaultThreshold,
    string? TemplatesDirectory = null,
    TimeSpan? PdfTimeout = null)
{
    /// <summary>The files' name without extension ("rapport"; "synthese-copil" for the steering committee's synthesis).</summary>
    public string FileName { get; init; } = "rapport";
}

/// <summary>
/// Exports a protocol's report from the store: computes the estimates (or reuses the stored ones when the data did not
/// change, see <see cref="EstimateService"/>), writes the report with <see cref="ReportWriter"/> and records an audit
/// entry ("report.export") listing the files written with their SHA-256 — every export of data derived from the cohort
/// is audited. The files replace the previous ones only once the entry is saved (<see cref="ExportAudit"/>), so a
/// process killed at any point leaves each file complete and audited. What the command line and the worker call.
/// </summary>
public sealed class ReportExportService(ImpactEvalDbContext db)
{
    /// <summary>The audit action of an export.</summary>
    public const string AuditAction = "report.export";

    /// <summary>The outcome of an export.</summary>
    /// <param name="Computation">The estimates reported (and whether they were reused).</param>
    /// <param name="TemplateName">The template used.</param>
    /// <param name="Written">Files written and French messages (e.g. PDF skipped without Chromium).</param>
    /// <param name="Elapsed">Time taken by the report itself (model, rendering, files), estimates excluded.</param>
    public sealed record Outcome(EstimateService.Computation Computation, string TemplateName, ReportWriteResult Written, TimeSpan Elapsed);

    /// <summary>Exports a report and audits it.</summary>
    /// <param name="export">Protocol, template, formats, output directory, threshold.</param>
    /// <param name="actor">Who exports (recorded in the audit entry).</param>
    /// <param name="cancellationToken">Cancels the computation and the PDF print.</param>
    /// <exception cref="InvalidOperationException">No protocol has this identifier (French message).</exception>
    /// <exception cref="Templates.TemplateException">The template has a problem (file, line and field, in French); nothing is written.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is below 1.</exception>
    public async Task<Outcome> ExportAsync(ReportExport export, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(export.SuppressionThreshold, 1);
        var computation = await new EstimateService(db).ComputeAsync(export.ProtocolCode, actor, cancellationToken);
        return await ExportAsync(computation, export, actor, cancellationToken);
    }

    /// <summary>Exports a report of estimates already computed (a second document of the same results) and audits it.</summary>
    /// <param name="computation">The estimates of <see cref="ReportExport.ProtocolCode"/>, as <see cref="EstimateService.ComputeAsync"/> gave them.</param>
    /// <param name="export">Protocol, template, formats, output directory, threshold.</param>
    /// <param name="actor">Who exports (recorded in the audit entry).</param>
    /// <param name="cancellationToken">Cancels the PDF print.</param>
    /// <exception cref="Templates.TemplateException">The template has a problem; nothing is written.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is below 1.</exception>
    public async Task<Outcome> ExportAsync(EstimateService.Computation computation, ReportExport export, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(export.SuppressionThreshold, 1);
        var template = export.TemplateName ?? computation.Protocol.ReportTemplate;
        var clock = Stopwatch.StartNew();
        using var staged = await ReportWriter.StageAsync(computation.Protocol, computation.Results,
            new ReportRequest(template, export.Formats, export.OutputDirectory, export.TemplatesDirectory, export.SuppressionThreshold, FileName: export.FileName, PdfTimeout: export.PdfTimeout)
            {
                SyntheticData = await new ProtocolRegistry(db).HasSyntheticDataAsync(export.ProtocolCode, cancellationToken),
            },
            cancellationToken);
        var written = staged.Written;
        var territoryId = await db.Protocols.AsNoTracking().Where(p => p.Code == export.ProtocolCode).Select(p => p.TerritoryId).SingleAsync(cancellationToken);
        await ExportAudit.RecordAndCommitAsync(db, staged, new AuditEntry
        {
            At = DateTime.UtcNow,
            Actor = actor,
            Action = AuditAction,
            TerritoryId = territoryId,
            Subject = $"rapport « {template} » du protocole {export.ProtocolCode} v{computation.Results.ProtocolVersion}",
            Details = $"secret statistique : seuil {export.SuppressionThreshold} ; " +
                      $"empreinte des données {computation.Results.DataFingerprint[..Math.Min(12, computation.Results.DataFingerprint.Length)]}" +
                      (NotProduced(export, written) is { Length: > 0 } missing ? $" ; non produit : {missing}" : ""),
        }, cancellationToken);
        clock.Stop();
        return new Outcome(computation, template, written, clock.Elapsed);
    }

    private static string NotProduced(ReportExport export, ReportWriteResult written) =>
        string.Join(", ", export.Formats.Distinct()
            .Where(f => !written.Files.Any(file => Path.GetExtension(file).Equals("." + f.ToString(), StringComparison.OrdinalIgnoreCase)))
            .Select(f => f.ToString().ToLowerInvariant()));
}
