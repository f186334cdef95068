using ImpactEval.Collection;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>The cohort roster, one page at a time (<see cref="CohortRoster"/>): pseudonyms, group, school, status, waves done, due and overdue.</summary>
[Authorize(Policy = WebPolicies.SeeParticipants)]
public sealed class CohorteModel(ImpactEvalDbContext db, LocalClock clock, IOptions<WebOptions> options) : AppPageModel
{
    /// <summary>The page asked for.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The day described.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The page of the roster.</summary>
    public RosterPage Roster { get; private set; } = null!;

    /// <summary>The page numbers offered (around the current one, and the first and last).</summary>
    public IEnumerable<int> PageNumbers =>
        Enumerable.Range(1, Roster.PageCount).Where(n => n == 1 || n == Roster.PageCount || Math.Abs(n - Roster.Page) <= 3);

    /// <summary>Reads the page.</summary>
    public async Task OnGetAsync()
    {
        Today = clock.Today;
        Roster = (await new CohortRoster(db).PageAsync(Cite.ProtocolCode!, PageNumber, options.Value.RosterPageSize, Today, HttpContext.RequestAborted))!;
    }
}
