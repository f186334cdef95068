using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages;

/// <summary>The home page: the cités the account sees, with their protocols.</summary>
[Authorize(Policy = WebPolicies.SeeProtocols)]
public sealed class IndexModel(ImpactEvalDbContext db) : AppPageModel
{
    /// <summary>One visible cité.</summary>
    /// <param name="Code">Its code.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Protocols">The titles of its protocols.</param>
    public sealed record CiteItem(string Code, string? Name, IReadOnlyList<string> Protocols);

    /// <summary>The cités, by code.</summary>
    public IReadOnlyList<CiteItem> Cites { get; private set; } = [];

    /// <summary>Reads the visible cités.</summary>
    public async Task OnGetAsync()
    {
        var territories = db.Territories.AsNoTracking();
        if (!Scope.SeesEveryTerritory)
        {
            var ids = Scope.TerritoryIds.ToArray();
            territories = territories.Where(t => ids.Contains(t.Id));
        }
        var rows = await territories.OrderBy(t => t.Code)
            .Select(t => new { t.Code, t.Name, Protocols = db.Protocols.Where(p => p.TerritoryId == t.Id).OrderBy(p => p.Code).Select(p => p.Title).ToList() })
            .Take(500).ToListAsync(HttpContext.RequestAborted);
        Cites = [.. rows.Select(r => new CiteItem(r.Code, r.Name, r.Protocols))];
    }
}
