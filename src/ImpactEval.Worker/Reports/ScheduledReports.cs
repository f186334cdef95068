using ImpactEval.Collection;
using System.Collections.Immutable;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Reporting;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.Notifications;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Reports;

/// <summary>
/// Renders a protocol's report on schedule (<see cref="ReportExportService"/>: estimates computed or reused, report
/// written, export audited) into a directory named after its inputs, records it in <c>report_renders</c>, and tells
/// the cité's team where it is. The same inputs — protocol version, data fingerprint, template, formats — are
/// reported once: a rerun finds the record and writes nothing; a run cut short before recording (crash) renders
/// again into the same directory, overwriting the partial files, and records it once.
/// </summary>
public sealed class ScheduledReports(
    ImpactEvalDbContext db, ContactDirectory contacts, IOptions<WorkerOptions> options, IOptions<StoreOptions> store, IOptions<Reporting.Pdf.PdfOptions> pdf, LocalClock local, TimeProvider clock)
{
    /// <summary>Renders the report of <paramref name="protocolCode"/> unless its current inputs were already reported.</summary>
    /// <param name="protocolCode">The protocol.</param>
    /// <param name="actor">Who renders (the scheduler node), for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <exception cref="InvalidOperationException">No protocol has this code (French message).</exception>
    /// <exception cref="Reporting.Templates.TemplateException">The protocol's template has a problem.</exception>
    public async Task<ReportRound> RenderAsync(string protocolCode, string actor, CancellationToken cancellationToken = default)
    {
        var protocol = await db.Protocols.AsNoTracking().Include(p => p.Territory).SingleOrDefaultAsync(p => p.Code == protocolCode, cancellationToken)
            ?? throw new InvalidOperationException($"Aucun protocole « {protocolCode} » n'est enregistré : pas de rapport à produire.");
        if (!await db.Enrolments.AnyAsync(e => e.ProtocolId == protocol.Id, cancellationToken))
            return new ReportRound(false, null, null, [], [], 0, "Aucun participant inscrit : pas encore de rapport.");

        var settings = options.Value;
        var formats = settings.ReportFormats.Count == 0 ? [ReportFormat.Html, ReportFormat.Xlsx] : settings.ReportFormats.Distinct().Order().ToList();
        // The estimates come first: their version and fingerprint name the report (EstimateService reuses a stored run).
        var computation = await new Analysis.EstimateService(db).ComputeAsync(protocolCode, actor, cancellationToken);
        var template = computation.Protocol.ReportTemplate;
        var fingerprint = computation.Results.DataFingerprint[..Math.Min(12, computation.Results.DataFingerprint.Length)];
        var key = $"{protocolCode}:v{computation.Results.ProtocolVersion}:{fingerprint}:{template}:{string.Join(',', formats).ToLowerInvariant()}";
        var existing = await db.ReportRenders.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (existing is not null)
            return new ReportRound(false, key, existing.Directory, existing.Files.Split('\n'), [], 0,
                $"Données et protocole inchangés depuis le rapport du {local.Format(existing.RenderedAt)} : rien à refaire ({existing.Directory}).");

        var directory = Path.Combine(ReportsRoot(settings), protocolCode, $"v{computation.Results.ProtocolVersion}-{fingerprint}-{template}");
        var outcome = await new ReportExportService(db).ExportAsync(
            new ReportExport(protocolCode, template, [.. formats], directory, settings.ReportSuppressionThreshold, PdfTimeout: pdf.Value.Timeout), actor, cancellationToken);
        var files = outcome.Written.Files;
        db.ReportRenders.Add(new ReportRender
        {
            Key = key, ProtocolId = protocol.Id, ProtocolVersion = computation.Results.ProtocolVersion, DataFingerprint = computation.Results.DataFingerprint,
            Template = template, Directory = directory, Files = string.Join('\n', files), RenderedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);

        var territory = protocol.Territory!.Code;
        var subject = $"[ImpactEval] Nouveau rapport : {computation.Protocol.Title}";
        var body = $"Bonjour,\n\nLe rapport du protocole « {computation.Protocol.Title} » (version {computation.Results.ProtocolVersion}) a été produit " +
                   $"sur les données à jour ({computation.Results.Participants} participants, secret statistique : effectifs inférieurs à {settings.ReportSuppressionThreshold} masqués).\n\n" +
                   $"Fichiers :\n{string.Join('\n', files.Select(f => "  " + f))}\n" +
                   (outcome.Written.Messages.IsEmpty ? "" : $"\n{string.Join('\n', outcome.Written.Messages)}\n") +
                   $"\n— ImpactEval, pour la cité éducative {territory} (message automatique)\n";
        var notified = await new Outbox(db, clock).EnqueueAsync(
            contacts.For(territory, null).Select(address => new OutgoingMessage($"report:{key}:{address}", "report", address, subject, body)), cancellationToken);
        return new ReportRound(true, key, directory, files, outcome.Written.Messages, notified,
            $"Rapport « {template} » produit : {files.Length} fichier(s) dans {directory}" + (outcome.Written.Messages.IsEmpty ? "." : $" ({string.Join(" ; ", outcome.Written.Messages)})."));
    }

    /// <summary>Where scheduled reports go: <see cref="WorkerOptions.ReportsDirectory"/>, else &lt;data&gt;/reports.</summary>
    private string ReportsRoot(WorkerOptions settings) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(settings.ReportsDirectory) ? Path.Combine(store.Value.DataDirectory, "reports") : settings.ReportsDirectory);
}
