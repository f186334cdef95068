using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>The audit trail of a cité (entries whose territory is the cité), newest first, 100 per page.</summary>
[Authorize(Policy = WebPolicies.SeeAudit)]
public sealed class JournalModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    private const int PageSize = 100;

    /// <summary>One entry as shown.</summary>
    public sealed record Entry(string At, string Actor, string Action, string Subject, string? Details);

    /// <summary>The page asked for.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Entries of the cité.</summary>
    public int Total { get; private set; }

    /// <summary>Rank of the first entry shown.</summary>
    public int First => Total == 0 ? 0 : (PageNumber - 1) * PageSize + 1;

    /// <summary>Rank of the last entry shown.</summary>
    public int Last => Math.Min(Total, PageNumber * PageSize);

    /// <summary>The entries of the page.</summary>
    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    /// <summary>Reads the page.</summary>
    public async Task OnGetAsync()
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.TerritoryId == Cite.TerritoryId);
        Total = await entries.CountAsync(HttpContext.RequestAborted);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var rows = await entries.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
        Entries = [.. rows.Select(a => new Entry(clock.Format(a.At), a.Actor, a.Action, a.Subject, a.Details))];
    }
}
