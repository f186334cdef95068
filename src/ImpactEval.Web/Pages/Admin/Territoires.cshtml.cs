using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.Admin;

/// <summary>The cités known to the store, with their protocols, users and API keys.</summary>
[Authorize(Policy = WebPolicies.Administer)]
public sealed class TerritoiresModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    /// <summary>One cité.</summary>
    public sealed record Row(string Code, string? Name, string Since, int Protocols, int Users, int Keys);

    /// <summary>The cités, by code.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Reads the cités.</summary>
    public async Task OnGetAsync()
    {
        var rows = await db.Territories.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new
            {
                t.Code, t.Name, t.CreatedAt,
                Protocols = db.Protocols.Count(p => p.TerritoryId == t.Id),
                Users = db.UserTerritories.Count(u => u.TerritoryId == t.Id),
                Keys = db.AccountTerritories.Count(a => a.TerritoryId == t.Id),
            }).ToListAsync(HttpContext.RequestAborted);
        Rows = [.. rows.Select(r => new Row(r.Code, r.Name, clock.Format(r.CreatedAt), r.Protocols, r.Users, r.Keys))];
    }
}
