using ImpactEval.Collection;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.National;

/// <summary>
/// ANCT's dashboard: every campaign (<see cref="CampaignService.ListAsync"/>) with its state, the cités complete and
/// late, and the completeness of each cité. (By région and département once the registry of cités exists.)
/// </summary>
[Authorize(Policy = WebPolicies.SeeNational)]
public sealed class NationalModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    /// <summary>The day described.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Every campaign.</summary>
    public IReadOnlyList<CampaignReport> Campaigns { get; private set; } = [];

    /// <summary>Cités in the store.</summary>
    public int TerritoryCount { get; private set; }

    /// <summary>Protocols in the store.</summary>
    public int ProtocolCount { get; private set; }

    /// <summary>Reads the campaigns.</summary>
    public async Task OnGetAsync()
    {
        Today = clock.Today;
        Campaigns = [.. (await new CampaignService(db).ListAsync(Today, HttpContext.RequestAborted)).OrderBy(c => c.OpensOn).ThenBy(c => c.Code, StringComparer.Ordinal)];
        TerritoryCount = await db.Territories.CountAsync(HttpContext.RequestAborted);
        ProtocolCount = await db.Protocols.CountAsync(HttpContext.RequestAborted);
    }
}
