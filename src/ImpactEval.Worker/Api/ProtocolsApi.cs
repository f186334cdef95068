using System.Security.Claims;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Templates;
using ImpactEval.Web.Authorization;
using ImpactEval.Worker.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Api;

/// <summary>
/// The read-only data API, scoped by territory: the protocols of the caller's cités, their latest estimates (full
/// results, or only the published tables, by role) and their published report. A protocol of a cité the caller may
/// not see answers 404, like one that does not exist. Every read of estimates and every report is audited with the
/// account's name.
/// </summary>
public static class ProtocolsApi
{
    /// <summary>Maps every route of the data API under /api/protocols (any valid key; what it shows depends on the role).</summary>
    public static IEndpointRouteBuilder MapProtocolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/protocols").WithTags("Protocols").RequireAuthorization();
        api.MapGet("/", ListProtocols).WithName("ListProtocols").WithSummary("Les protocoles des territoires de la clé.").Audited();
        // Results and reports go through the same authorization layer as the web pages: a data-entry key sees no result.
        api.MapGet("/{id}/estimates", GetEstimates).WithName("GetEstimates").RequireAuthorization(WebPolicies.SeeResults)
            .WithSummary("Les dernières estimations : résultats complets (administrateur, équipe de la cité) ou tableaux publiés (national, partenaire).");
        api.MapGet("/{id}/report", GetReport).WithName("GetReport").RequireAuthorization(WebPolicies.SeeResults).WithSummary("Le rapport publié, en HTML (par défaut) ou en classeur Excel (?format=xlsx).");
        api.MapGet("/{id}/dataset", GetDataset).WithName("GetDataset").RequireAuthorization(WebPolicies.SeeResults)
            .WithSummary("Le jeu de données d’analyse (une ligne par inscription, pseudonymisée) avec son dictionnaire, les estimations et reproduire.R, en archive zip (?format=csv|xlsx|parquet) : administrateur et équipe de la cité seulement.");
        return app;
    }

    /// <summary>GET /api/protocols: the protocols of the territories the caller may see, by identifier.</summary>
    public static async Task<Ok<ProtocolView[]>> ListProtocols(ClaimsPrincipal user, ImpactEvalDbContext db, CancellationToken cancellationToken)
    {
        var scope = AccessClaims.Scope(user);
        var protocols = await db.Protocols.AsNoTracking().VisibleTo(scope).OrderBy(p => p.Code)
            .Select(p => new ProtocolView(p.Code, p.Title, p.CurrentVersion, p.Territory!.Code, p.Territory.Name,
                db.EstimateRuns.Where(r => r.ProtocolId == p.Id).Max(r => (DateTime?)r.ComputedAt)))
            .ToArrayAsync(cancellationToken);
        return TypedResults.Ok(protocols);
    }

    /// <summary>
    /// GET /api/protocols/{id}/estimates: the latest stored estimates. Administrators and territory teams get the results
    /// as computed; national and partner accounts get the published report's tables, after disclosure control.
    /// </summary>
    public static async Task<Results<JsonHttpResult<FullEstimatesView>, JsonHttpResult<PublishedEstimatesView>, NotFound<ProblemDetails>>> GetEstimates(
        string id, ClaimsPrincipal user, ProtocolResults protocols, CancellationToken cancellationToken)
    {
        var scope = AccessClaims.Scope(user);
        var latest = await protocols.FindAsync(id, scope, cancellationToken);
        if (latest is null) return NotVisible(id);
        if (latest.Results is not { } results) return NoEstimates(id);
        var territory = latest.Protocol.Territory!.Code;
        if (scope.ResultDetail == ResultDetail.FullResults)
        {
            await protocols.AuditEstimatesAsync(latest, scope, cancellationToken);
            return TypedResults.Json(new FullEstimatesView(id, territory, ResultDetail.FullResults, results, TidyResults.From(results)), ResultsJson.Options);
        }
        var (_, model) = await protocols.PublishedAsync(id, results, cancellationToken);
        await protocols.AuditEstimatesAsync(latest, scope, cancellationToken);
        return TypedResults.Json(PublishedEstimatesView.From(id, territory, model), ResultsJson.Options);
    }

    /// <summary>GET /api/protocols/{id}/report?format=html|xlsx: the published report of the latest estimates, audited as an export.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, BadRequest<ProblemDetails>, ProblemHttpResult>> GetReport(
        string id, string? format, ClaimsPrincipal user, ProtocolResults protocols, CancellationToken cancellationToken)
    {
        ReportFormat wanted;
        switch ((format ?? "html").Trim().ToLowerInvariant())
        {
            case "html": wanted = ReportFormat.Html; break;
            case "xlsx": wanted = ReportFormat.Xlsx; break;
            default:
                return TypedResults.BadRequest(new ProblemDetails
                {
                    Title = "Format inconnu",
                    Detail = $"« {format} » n'est pas un format servi par l'API : choisissez html ou xlsx (le PDF se produit avec « impacteval report »).",
                    Status = StatusCodes.Status400BadRequest,
                });
        }
        var scope = AccessClaims.Scope(user);
        var latest = await protocols.FindAsync(id, scope, cancellationToken);
        if (latest is null) return NotVisible(id);
        if (latest.Results is null) return NoEstimates(id);
        try
        {
            var report = await protocols.RenderAsync(latest, wanted, scope, cancellationToken);
            return TypedResults.File(report.Content, report.ContentType, report.FileName);
        }
        catch (Exception e) when (e is TemplateException or FileNotFoundException or DirectoryNotFoundException)
        {
            return ReportFailure(e);
        }
    }

    /// <summary>
    /// The answer when the protocol's template cannot render (broken, over its budget, or missing): the problem in the
    /// template (file name, line, field) or that it is not installed — never a path of the server. Nothing was exported.
    /// </summary>
    /// <param name="e">A <see cref="TemplateException"/>, or the <see cref="FileNotFoundException"/> / <see cref="DirectoryNotFoundException"/> of a missing template.</param>
    public static ProblemHttpResult ReportFailure(Exception e) => TypedResults.Problem(
        title: "Rapport impossible à produire",
        detail: e is TemplateException template
            ? $"Le gabarit de rapport de ce protocole a un problème : {template.Problem}"
            : "Le gabarit de rapport de ce protocole n’est pas installé sur le service : l’équipe qui l’administre doit le placer dans le dossier des gabarits. Rien n’a été exporté.",
        statusCode: StatusCodes.Status500InternalServerError);

    /// <summary>
    /// GET /api/protocols/{id}/dataset?format=csv|xlsx|parquet: the analysis dataset as a zip (data, codebook, estimates,
    /// reproduire.R with csv). Pseudonymous individual data: administrators and the cité's team only (403 for national and
    /// partner accounts, which see published tables); audited with the account's name like every export.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, BadRequest<ProblemDetails>, ProblemHttpResult>> GetDataset(
        string id, string? format, ClaimsPrincipal user, ImpactEvalDbContext db, ProtocolResults protocols, CancellationToken cancellationToken)
    {
        var wanted = (format ?? "csv").Trim().ToLowerInvariant() switch
        {
            "csv" => Reporting.Dataset.DatasetFormat.Csv,
            "xlsx" => Reporting.Dataset.DatasetFormat.Xlsx,
            "parquet" => Reporting.Dataset.DatasetFormat.Parquet,
            _ => (Reporting.Dataset.DatasetFormat?)null,
        };
        if (wanted is null)
            return TypedResults.BadRequest(new ProblemDetails
            {
                Title = "Format inconnu", Status = StatusCodes.Status400BadRequest,
                Detail = $"«\u202F{format}\u202F» n’est pas un format de jeu de données\u202F: choisissez csv, xlsx ou parquet.",
            });
        var scope = AccessClaims.Scope(user);
        if (await protocols.FindAsync(id, scope, cancellationToken) is null) return NotVisible(id);
        if (scope.ResultDetail != ResultDetail.FullResults)
            return TypedResults.Problem(title: "Accès refusé", statusCode: StatusCodes.Status403Forbidden,
                detail: "Le jeu de données individuelles (pseudonymisées) n’est ouvert qu’aux administrateurs et à l’équipe de la cité\u202F; les tableaux publiés sont sur GET /api/protocols/{id}/estimates.");
        var directory = Path.Combine(Path.GetTempPath(), "impacteval-dataset-" + Guid.NewGuid().ToString("N"));
        try
        {
            var outcome = await new Reporting.Dataset.DatasetExportService(db).ExportAsync(new(id, wanted.Value, directory), scope.Actor, cancellationToken);
            using var zip = new MemoryStream();
            using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
                foreach (var file in outcome.Files) System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(archive, file, Path.GetFileName(file));
            return TypedResults.File(zip.ToArray(), "application/zip", $"donnees-{id}-v{outcome.Computation.Results.ProtocolVersion}.zip");
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static NotFound<ProblemDetails> NotVisible(string id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Protocole introuvable",
        Detail = $"Aucun protocole « {id} » n'est accessible avec cette clé. La liste des protocoles accessibles est sur GET /api/protocols.",
        Status = StatusCodes.Status404NotFound,
    });

    private static NotFound<ProblemDetails> NoEstimates(string id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Pas encore d'estimations",
        Detail = $"Les estimations du protocole « {id} » n'ont pas encore été calculées. Le service les calcule après chaque import et chaque nuit ; " +
                 $"« impacteval estimate --protocol {id} » les calcule tout de suite.",
        Status = StatusCodes.Status404NotFound,
    });
}
