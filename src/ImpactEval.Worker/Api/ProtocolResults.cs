using ImpactEval.Collection;
using System.Text;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using ImpactEval.Worker.Scheduling;

namespace ImpactEval.Worker.Api;

/// <summary>
/// What the data API reads about one protocol, for one caller: the protocol if the caller's territories include it,
/// its latest stored results (<see cref="EstimateService.LatestAsync"/>: the API never computes), and the published
/// report built from them by <see cref="ReportModelBuilder"/> — the same disclosure control, with the same threshold
/// (<see cref="WorkerOptions.ReportSuppressionThreshold"/>), as the reports the service publishes on schedule.
/// Every export is audited with the account's name.
/// </summary>
public sealed class ProtocolResults(ImpactEvalDbContext db, ReportRenderer renderer, IOptions<WorkerOptions> options, LocalClock local, TimeProvider clock)
{
    /// <summary>The audit action of estimates read through the API.</summary>
    public const string EstimatesAuditAction = "estimates.export";

    /// <summary>The latest stored results of a visible protocol.</summary>
    /// <param name="Protocol">The stored protocol (with its territory).</param>
    /// <param name="Results">Its latest results, or null when none was computed yet.</param>
    public sealed record Latest(Protocol Protocol, AnalysisResults? Results);

    /// <summary>A rendered report.</summary>
    /// <param name="Content">The file's bytes.</param>
    /// <param name="ContentType">Its media type.</param>
    /// <param name="FileName">The file name offered to the browser ("rapport-passerelles-v1.html").</param>
    public sealed record RenderedReport(byte[] Content, string ContentType, string FileName);

    /// <summary>The smallest count published to roles that see published tables only.</summary>
    public int SuppressionThreshold => options.Value.ReportSuppressionThreshold;

    /// <summary>
    /// The protocol <paramref name="code"/> and its latest results, or null when it does not exist <em>or</em> belongs to
    /// a territory the caller may not see: both answer the same, so that the existence of another cité's protocol is
    /// not revealed.
    /// </summary>
    public async Task<Latest?> FindAsync(string code, AccessScope scope, CancellationToken cancellationToken)
    {
        var protocol = await db.Protocols.AsNoTracking().Include(p => p.Territory).VisibleTo(scope).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        return protocol is null ? null : new Latest(protocol, await new EstimateService(db).LatestAsync(code, cancellationToken));
    }

    /// <summary>
    /// The report model of stored results — every table protected by disclosure control — built with the protocol
    /// version the results were computed with.
    /// </summary>
    /// <exception cref="InvalidOperationException">That version is no longer stored (bug: versions are never deleted).</exception>
    public async Task<(Core.Model.Protocol Protocol, ReportModel Model)> PublishedAsync(string code, AnalysisResults results, CancellationToken cancellationToken)
    {
        var (protocol, _) = await new ProtocolRegistry(db).LoadVersionAsync(code, results.ProtocolVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Version {results.ProtocolVersion} of protocol {code} is not stored.");
        // The report's timestamp is read by French users: shown on the worker's local clock.
        var now = TimeZoneInfo.ConvertTime(local.UtcNow, local.Zone);
        var generation = ReportGeneration.For(results, now) with { SyntheticData = await new ProtocolRegistry(db).HasSyntheticDataAsync(code, cancellationToken) };
        var model = ReportModelBuilder.Build(protocol, results, generation, new ReportOptions(SuppressionThreshold));
        return (protocol, model);
    }

    /// <summary>Renders the published report of stored results (HTML through the protocol's template, or the workbook) and audits the export.</summary>
    /// <param name="latest">The protocol and its results (not null).</param>
    /// <param name="format">HTML or XLSX.</param>
    /// <param name="scope">The caller, recorded as the actor.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ArgumentOutOfRangeException">PDF (not served by the API).</exception>
    /// <exception cref="Reporting.Templates.TemplateException">The protocol's template has a problem.</exception>
    public async Task<RenderedReport> RenderAsync(Latest latest, ReportFormat format, AccessScope scope, CancellationToken cancellationToken)
    {
        var results = latest.Results ?? throw new ArgumentException("No results to report.", nameof(latest));
        var (protocol, model) = await PublishedAsync(latest.Protocol.Code, results, cancellationToken);
        var name = $"rapport-{latest.Protocol.Code}-v{results.ProtocolVersion}";
        var rendered = format switch
        {
            ReportFormat.Html => new RenderedReport(Encoding.UTF8.GetBytes(renderer.RenderHtml(protocol.ReportTemplate, model)), "text/html; charset=utf-8", name + ".html"),
            ReportFormat.Xlsx => new RenderedReport(renderer.RenderXlsx(model), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The API serves HTML and XLSX reports."),
        };
        await AuditAsync(latest.Protocol, ReportExportService.AuditAction, scope,
            $"rapport « {protocol.ReportTemplate} » du protocole {latest.Protocol.Code} v{results.ProtocolVersion}",
            $"téléchargé par l'API : {rendered.FileName} ({rendered.Content.Length} octets) ; secret statistique : seuil {SuppressionThreshold} ; " +
            $"empreinte des données {Short(results.DataFingerprint)}", cancellationToken);
        return rendered;
    }

    /// <summary>Audits estimates read through the API (full results or published tables).</summary>
    public Task AuditEstimatesAsync(Latest latest, AccessScope scope, CancellationToken cancellationToken) =>
        AuditAsync(latest.Protocol, EstimatesAuditAction, scope, $"estimations du protocole {latest.Protocol.Code} v{latest.Results!.ProtocolVersion}",
            (scope.ResultDetail == ResultDetail.FullResults ? "résultats complets" : $"tableaux publiés (secret statistique : seuil {SuppressionThreshold})") +
            $" ; lues par l'API ; empreinte des données {Short(latest.Results.DataFingerprint)}", cancellationToken);

    private async Task AuditAsync(Protocol protocol, string action, AccessScope scope, string subject, string details, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Actor = scope.Actor, Action = action, TerritoryId = protocol.TerritoryId, Subject = subject, Details = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Short(string fingerprint) => fingerprint[..Math.Min(12, fingerprint.Length)];
}
