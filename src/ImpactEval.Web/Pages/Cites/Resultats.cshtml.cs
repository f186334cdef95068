using ImpactEval.Analysis;
using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// The latest stored results of a protocol (<see cref="EstimateService.LatestAsync"/>: the page never computes), laid out
/// by <see cref="ReportModelBuilder"/> — contrast tables, forest plots, balance, attrition, evidence — with the
/// caller's detail: every count for the roles with full results, the published tables under statistical secrecy for
/// the others. Each reading is audited, as the API's.
/// </summary>
[Authorize(Policy = WebPolicies.SeeResults)]
public sealed class ResultatsModel(ImpactEvalDbContext db, LocalClock clock, IOptions<WebOptions> options) : AppPageModel
{
    /// <summary>The audit action of a reading of estimates (shared with the API).</summary>
    public const string AuditAction = "estimates.export";

    /// <summary>The report model, or null when nothing was computed yet.</summary>
    public ReportModel? Report { get; private set; }

    /// <summary>Whether the caller sees full results.</summary>
    public bool FullResults => Scope.ResultDetail == ResultDetail.FullResults;

    /// <summary>The threshold of the published reports.</summary>
    public int Threshold => options.Value.SuppressionThreshold;

    /// <summary>Reads and lays out the results.</summary>
    public async Task OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var results = await new EstimateService(db).LatestAsync(Cite.ProtocolCode!, cancel);
        if (results is null) return;
        var (protocol, _) = (await new ProtocolRegistry(db).LoadVersionAsync(Cite.ProtocolCode!, results.ProtocolVersion, cancel))!.Value;
        // Full results are the same layout with nothing suppressed (threshold 1); published tables use the service's threshold.
        var threshold = FullResults ? 1 : Threshold;
        var generation = ReportGeneration.For(results, clock.Now) with { SyntheticData = await new ProtocolRegistry(db).HasSyntheticDataAsync(Cite.ProtocolCode!, cancel) };
        Report = ReportModelBuilder.Build(protocol, results, generation, new ReportOptions(threshold));
        AuditTrail.Add(db, clock.UtcNow.UtcDateTime, Scope.Actor, AuditAction, Cite.TerritoryId, $"estimations du protocole {Cite.ProtocolCode} v{results.ProtocolVersion}",
            (FullResults ? "résultats complets" : $"tableaux publiés (secret statistique : seuil {threshold})") +
            $" ; consultés sur l’application web ; empreinte des données {results.DataFingerprint[..Math.Min(12, results.DataFingerprint.Length)]}");
        await db.SaveChangesAsync(cancel);
    }
}
