using ImpactEval.Collection;
using System.Globalization;
using ImpactEval.Analysis.National;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Reporting;
using ImpactEval.Worker.Notifications;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Campaigns;

/// <summary>
/// Consolidates national campaigns when they close: a questionnaire campaign addressed to a list of cités, once closed
/// (or locked), is consolidated (<see cref="ConsolidationService"/>), its national synthesis is written into the
/// reports directory (<see cref="NationalSynthesisExportService"/>, audited), recorded in <c>report_renders</c>, and the
/// national coordination (the contacts of the protocol's own territory) is told where it is. The same campaign data —
/// protocol version and data fingerprint — is consolidated once: a rerun finds the record and writes nothing; late
/// answers accepted after closing change the fingerprint, and the next pass consolidates again.
/// </summary>
public sealed class CampaignConsolidations(
    ImpactEvalDbContext db, ContactDirectory contacts, IOptions<WorkerOptions> options, IOptions<StoreOptions> store, IOptions<Reporting.Pdf.PdfOptions> pdf, LocalClock local, TimeProvider clock)
{
    /// <summary>
    /// The national campaigns to consolidate on <paramref name="today"/>: questionnaire campaigns with a list of cités,
    /// closed or locked by their dates, whose current data has no synthesis yet.
    /// </summary>
    /// <param name="today">Today (local date).</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async Task<IReadOnlyList<string>> DueAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.WaveId == null && c.PeriodStart != null && c.Territories.Any())
            .OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var due = new List<string>();
        foreach (var campaign in campaigns)
        {
            if (CampaignCalendar.Of(campaign).StateOn(today) is not (CampaignState.Closed or CampaignState.Locked)) continue;
            var consolidation = await new ConsolidationService(db, local.Zone).ConsolidateAsync(campaign.Code, cancellationToken);
            if (!consolidation.Done) continue;
            var key = Key(campaign.Code, consolidation);
            if (!await db.ReportRenders.AnyAsync(r => r.Key == key, cancellationToken)) due.Add(campaign.Code);
        }
        return due;
    }

    /// <summary>Consolidates <paramref name="campaignCode"/> and writes its synthesis, unless its current data was already consolidated.</summary>
    /// <param name="campaignCode">The campaign.</param>
    /// <param name="actor">Who acts (the scheduler node), for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="Reporting.Templates.TemplateException">The synthesis template has a problem.</exception>
    public async Task<ConsolidationRound> RunAsync(string campaignCode, string actor, CancellationToken cancellationToken = default)
    {
        var consolidation = await new ConsolidationService(db, local.Zone).ConsolidateAsync(campaignCode, cancellationToken);
        if (!consolidation.Done || consolidation.Results is not { } results)
            return new ConsolidationRound(false, null, null, [], [], 0, consolidation.Message);
        var key = Key(campaignCode, consolidation);
        var existing = await db.ReportRenders.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (existing is not null)
            return new ConsolidationRound(false, key, existing.Directory, existing.Files.Split('\n'), consolidation.Checks, 0,
                $"Réponses de la campagne « {campaignCode} » inchangées depuis la synthèse du {local.Format(existing.RenderedAt)} : rien à refaire ({existing.Directory}).");

        var settings = options.Value;
        var fingerprint = results.DataFingerprint![..12];
        var directory = Path.Combine(ReportsRoot(settings), "campagnes", campaignCode, $"v{consolidation.ProtocolVersion}-{fingerprint}");
        var export = await new NationalSynthesisExportService(db).ExportAsync(consolidation,
            new NationalSynthesisExport(campaignCode, [.. Formats(settings)], directory, settings.ReportSuppressionThreshold, PdfTimeout: pdf.Value.Timeout), actor, cancellationToken);
        var files = export.Written.Files;
        var protocol = await db.Protocols.AsNoTracking().Include(p => p.Territory).SingleAsync(p => p.Code == consolidation.ProtocolCode, cancellationToken);
        db.ReportRenders.Add(new ReportRender
        {
            Key = key, ProtocolId = protocol.Id, ProtocolVersion = consolidation.ProtocolVersion, DataFingerprint = results.DataFingerprint,
            Template = NationalSynthesisExport.DefaultTemplate, Directory = directory, Files = string.Join('\n', files), RenderedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);

        var responded = results.Territories.Count(t => t.Responded);
        var participation = $"{responded} cité(s) ont répondu sur {results.Territories.Length} interrogée(s)";
        var checks = consolidation.Checks.IsEmpty
            ? "Contrôles de cohérence : tous les chiffres concordent."
            : $"Contrôles de cohérence : {consolidation.Checks.Length} en échec, à examiner avant diffusion :\n{string.Join('\n', consolidation.Checks.Select(c => "  - " + c))}";
        var subject = $"[ImpactEval] Synthèse nationale : {results.CampaignLabel}";
        var body = $"Bonjour,\n\nLa campagne « {results.CampaignLabel} » ({campaignCode}) est close et ses réponses ont été consolidées : {participation}.\n{checks}\n\n" +
                   $"Fichiers :\n{string.Join('\n', files.Select(f => "  " + f))}\n" +
                   (export.Written.Messages.IsEmpty ? "" : $"\n{string.Join('\n', export.Written.Messages)}\n") +
                   $"\nSecret statistique : les effectifs de cités inférieurs à {settings.ReportSuppressionThreshold} sont masqués, comme ceux de personnes, " +
                   "tant que l'ANCT n'a pas décidé qu'ils n'en relèvent pas.\n\n— ImpactEval, coordination nationale (message automatique)\n";
        var addresses = contacts.For(protocol.Territory!.Code, null);
        var notified = await new Outbox(db, clock).EnqueueAsync(
            addresses.Select(address => new OutgoingMessage($"consolidation:{key}:{address}", "consolidation", address, subject, body)), cancellationToken);
        return new ConsolidationRound(true, key, directory, files, consolidation.Checks, notified,
            $"Synthèse nationale de « {campaignCode} » produite : {files.Length} fichier(s) dans {directory} ; {participation} ; " +
            (consolidation.Checks.IsEmpty ? "contrôles de cohérence concordants" : $"{consolidation.Checks.Length} contrôle(s) de cohérence en échec") +
            (addresses.Count == 0 ? $" ; aucune adresse configurée pour {protocol.Territory.Code} (Contacts)." : "."));
    }

    /// <summary>Identifies the inputs of a synthesis: campaign, protocol version, data fingerprint, template and formats.</summary>
    private string Key(string campaignCode, ConsolidationService.Outcome consolidation) =>
        $"campagne:{campaignCode}:v{consolidation.ProtocolVersion.ToString(CultureInfo.InvariantCulture)}:{consolidation.Results!.DataFingerprint![..12]}:" +
        $"{NationalSynthesisExport.DefaultTemplate}:{string.Join(',', Formats(options.Value)).ToLowerInvariant()}";

    private static IReadOnlyList<ReportFormat> Formats(WorkerOptions settings) =>
        settings.ReportFormats.Count == 0 ? [ReportFormat.Html, ReportFormat.Xlsx] : [.. settings.ReportFormats.Distinct().Order()];

    /// <summary>Where scheduled reports go: <see cref="WorkerOptions.ReportsDirectory"/>, else &lt;data&gt;/reports.</summary>
    private string ReportsRoot(WorkerOptions settings) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(settings.ReportsDirectory) ? Path.Combine(store.Value.DataDirectory, "reports") : settings.ReportsDirectory);
}
