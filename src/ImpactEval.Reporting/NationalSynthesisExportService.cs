using System.Collections.Immutable;
using System.Diagnostics;
using ImpactEval.Analysis.National;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Reporting;

/// <summary>What <see cref="NationalSynthesisExportService"/> should produce.</summary>
/// <param name="CampaignCode">The questionnaire campaign to consolidate.</param>
/// <param name="Formats">Formats to write.</param>
/// <param name="OutputDirectory">Directory of the output files (created when missing).</param>
/// <param name="SuppressionThreshold">Smallest publishable count, at least 1 (default 5).</param>
/// <param name="TemplatesDirectory">Templates directory; null for the lookup order of <see cref="Templates.TemplateLocator"/>.</param>
/// <param name="TemplateName">Template name or path to a .liquid file (default "synthese-nationale").</param>
/// <param name="GeneratedAt">Generation timestamp; null for now.</param>
/// <param name="PdfTimeout">How long Chromium may take to print the PDF; null for <see cref="Pdf.ChromiumPdfPrinter.DefaultTimeout"/>.</param>
public sealed record NationalSynthesisExport(
    string CampaignCode,
    ImmutableArray<ReportFormat> Formats,
    string OutputDirectory,
    int SuppressionThreshold = Disclosure.DisclosureControl.DefaultThreshold,
    string? TemplatesDirectory = null,
    string TemplateName = NationalSynthesisExport.DefaultTemplate,
    DateTimeOffset? GeneratedAt = null,
    TimeSpan? PdfTimeout = null)
{
    /// <summary>The shipped template of the national synthesis.</summary>
    public const string DefaultTemplate = "synthese-nationale";

    /// <summary>The base name of the files written ("synthese-nationale.html"…).</summary>
    public const string FileName = "synthese-nationale";
}

/// <summary>
/// Consolidates a national campaign from the store (<see cref="ConsolidationService"/>), writes its national synthesis
/// (HTML, workbook, PDF) and records an audit entry ("report.export") listing the files written with their SHA-256, like
/// every export; the files replace the previous ones once the entry is saved (<see cref="ExportAudit"/>).
/// What the command line (<c>impacteval campaign consolidate</c>) and the worker (when a campaign closes) call.
/// </summary>
public sealed class NationalSynthesisExportService(ImpactEvalDbContext db)
{
    /// <summary>The outcome of an export.</summary>
    /// <param name="Consolidation">The consolidation (refused when <see cref="ConsolidationService.Outcome.Done"/> is false: nothing was written).</param>
    /// <param name="Written">Files written and French messages (e.g. PDF skipped without Chromium); empty when refused.</param>
    /// <param name="Elapsed">Time taken by the synthesis itself (model, rendering, files), consolidation excluded.</param>
    public sealed record Outcome(ConsolidationService.Outcome Consolidation, ReportWriteResult Written, TimeSpan Elapsed);

    /// <summary>Consolidates the campaign, writes its synthesis and audits the export.</summary>
    /// <param name="export">Campaign, formats, output directory, threshold, template.</param>
    /// <param name="actor">Who exports (recorded in the audit entry).</param>
    /// <param name="cancellationToken">Cancels the work and the PDF print.</param>
    /// <exception cref="Templates.TemplateException">The template has a problem (file, line and field, in French); nothing is written.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is below 1.</exception>
    public async Task<Outcome> ExportAsync(NationalSynthesisExport export, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(export.SuppressionThreshold, 1);
        var consolidation = await new ConsolidationService(db).ConsolidateAsync(export.CampaignCode, cancellationToken);
        return await ExportAsync(consolidation, export, actor, cancellationToken);
    }

    /// <summary>Writes the synthesis of a consolidation already made (the worker names its output after it) and audits the export.</summary>
    /// <param name="consolidation">The consolidation of <see cref="NationalSynthesisExport.CampaignCode"/>.</param>
    /// <param name="export">Campaign, formats, output directory, threshold, template.</param>
    /// <param name="actor">Who exports (recorded in the audit entry).</param>
    /// <param name="cancellationToken">Cancels the work and the PDF print.</param>
    /// <exception cref="Templates.TemplateException">The template has a problem; nothing is written.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is below 1.</exception>
    public async Task<Outcome> ExportAsync(ConsolidationService.Outcome consolidation, NationalSynthesisExport export, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(export.SuppressionThreshold, 1);
        if (!consolidation.Done || consolidation.Results is not { } results)
            return new Outcome(consolidation, new ReportWriteResult([], []), TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        using var staged = await ReportWriter.StageNationalAsync(results,
            new ReportRequest(export.TemplateName, export.Formats, export.OutputDirectory, export.TemplatesDirectory, export.SuppressionThreshold,
                export.GeneratedAt, NationalSynthesisExport.FileName, PdfTimeout: export.PdfTimeout), cancellationToken);
        var written = staged.Written;
        var territoryId = await db.Protocols.Where(p => p.Code == consolidation.ProtocolCode).Select(p => p.TerritoryId).SingleAsync(cancellationToken);
        await ExportAudit.RecordAndCommitAsync(db, staged, new AuditEntry
        {
            At = DateTime.UtcNow,
            Actor = actor,
            Action = ReportExportService.AuditAction,
            TerritoryId = territoryId,
            Subject = $"synthèse nationale « {export.TemplateName} » de la campagne {export.CampaignCode} (protocole {consolidation.ProtocolCode} v{consolidation.ProtocolVersion})",
            Details = $"secret statistique : seuil {export.SuppressionThreshold} ; " +
                      $"empreinte des données {results.DataFingerprint?[..12]}" +
                      (consolidation.Checks.IsEmpty ? "" : $" ; contrôles de cohérence en échec : {consolidation.Checks.Length}"),
        }, cancellationToken);
        clock.Stop();
        return new Outcome(consolidation, written, clock.Elapsed);
    }

    /// <summary>
    /// Writes the open data of a questionnaire campaign into <paramref name="directory"/>: <c>CODE-donnees-ouvertes.csv</c>
    /// (<see cref="National.OpenDataTable"/>) and its Frictionless schema <c>CODE-donnees-ouvertes.schema.json</c>, each
    /// replaced atomically, and audits the export with the files' SHA-256. Null with a French reason when there is no such campaign.
    /// </summary>
    public async Task<(IReadOnlyList<string>? Files, int Rows, string? Refusal)> ExportOpenDataAsync(string campaignCode, string directory, string actor, CancellationToken cancellationToken = default)
    {
        var (answers, refusal) = await new ConsolidationService(db).ReadAsync(campaignCode, cancellationToken);
        if (answers is null) return (null, 0, refusal);
        Directory.CreateDirectory(directory);
        var csv = Path.Combine(directory, $"{campaignCode}-donnees-ouvertes.csv");
        var schema = Path.Combine(directory, $"{campaignCode}-donnees-ouvertes.schema.json");
        Core.Files.AtomicFiles.Write(csv, stream => National.OpenDataTable.WriteCsv(answers, stream));
        Core.Files.AtomicFiles.Write(schema, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(National.OpenDataTable.Schema(answers))));
        var territoryId = await db.Protocols.Where(p => p.Code == answers.ProtocolCode).Select(p => p.TerritoryId).SingleAsync(cancellationToken);
        string Hash(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow, Actor = actor, Action = ReportExportService.AuditAction, TerritoryId = territoryId,
            Subject = $"données ouvertes de la campagne {campaignCode} (protocole {answers.ProtocolCode} v{answers.ProtocolVersion})",
            Details = $"{csv} (SHA-256 {Hash(csv)}) ; {schema} (SHA-256 {Hash(schema)})",
        });
        await db.SaveChangesAsync(cancellationToken);
        return ([csv, schema], National.OpenDataTable.Rows(answers).Count, null);
    }
}
