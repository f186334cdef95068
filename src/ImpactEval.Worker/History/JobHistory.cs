using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.History;

/// <summary>Reads the job history (<c>job_runs</c>) for the API and the command line.</summary>
public sealed class JobHistory(ImpactEvalDbContext db)
{
    /// <summary>The most recent runs, newest first.</summary>
    /// <param name="job">Only this job ("group.name" or just the group), or every job when null.</param>
    /// <param name="status">Only runs with this status, or all when null.</param>
    /// <param name="limit">At most this many runs (1–1000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<JobRunView>> RecentAsync(string? job, JobRunState? status, int limit, CancellationToken cancellationToken = default)
    {
        var runs = db.JobRuns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(job))
        {
            var dot = job.IndexOf('.');
            if (dot < 0) runs = runs.Where(r => r.JobGroup == job);
            else
            {
                var (group, name) = (job[..dot], job[(dot + 1)..]);
                runs = runs.Where(r => r.JobGroup == group && r.JobName == name);
            }
        }
        if (status is { } wanted) runs = runs.Where(r => r.Status == wanted);
        var rows = await runs.OrderByDescending(r => r.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
        return [.. rows.Select(ToView)];
    }

    /// <summary>The view of one stored run (dates marked UTC whatever the provider returned).</summary>
    public static JobRunView ToView(JobRun run) => new(
        run.Id, $"{run.JobGroup}.{run.JobName}", run.Trigger, run.Node, Utc(run.ScheduledAt), Utc(run.StartedAt),
        run.EndedAt is { } ended ? Utc(ended) : null, run.Status, run.Attempt, run.Recovering, run.Summary, run.Error, run.Inputs);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
