using ImpactEval.Collection;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Pages.Admin;

/// <summary>
/// The job history (<c>job_runs</c>, written by the worker's recorder), newest first. Read here directly: the worker's
/// <c>JobHistory</c> lives in the host project, which references this one.
/// </summary>
[Authorize(Policy = WebPolicies.Administer)]
public sealed class TachesModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    private const int Shown = 200;

    /// <summary>One run as shown.</summary>
    public sealed record Run(string Job, string Started, string? Ended, string State, int Attempt, string Node, string? Summary, string? Error);

    /// <summary>The latest runs.</summary>
    public IReadOnlyList<Run> Runs { get; private set; } = [];

    /// <summary>Reads the history.</summary>
    public async Task OnGetAsync()
    {
        var rows = await db.JobRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Shown).ToListAsync(HttpContext.RequestAborted);
        Runs = [.. rows.Select(r => new Run($"{r.JobGroup}.{r.JobName}", clock.Format(r.StartedAt), r.EndedAt is { } e ? clock.Format(e) : null, Label(r.Status),
            r.Attempt, r.Node, r.Summary, r.Error))];
    }

    // The same French labels as the worker's JobRunLabels (which this project cannot reference).
    private static string Label(JobRunState state) => state switch
    {
        JobRunState.Running => "en cours",
        JobRunState.Succeeded => "réussie",
        JobRunState.Skipped => "rien à faire",
        JobRunState.Retrying => "échec, nouvelle tentative prévue",
        JobRunState.Failed => "échec définitif",
        JobRunState.Cancelled => "annulée",
        _ => "interrompue (processus arrêté), reprise",
    };
}
