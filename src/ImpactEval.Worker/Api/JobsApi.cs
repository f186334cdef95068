using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Access;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Api;

/// <summary>The jobs API: what is scheduled, what ran, "run this job now" and "resume this paused job".</summary>
public static class JobsApi
{
    /// <summary>Maps every route of the jobs API under /api/jobs (administrator keys only).</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(AccessPolicies.Administrator).Audited();
        api.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("Les tâches et leurs déclencheurs planifiés.");
        api.MapGet("/runs", ListRuns).WithName("ListJobRuns").WithSummary("L'historique des exécutions, les plus récentes d'abord.");
        api.MapPost("/{group}/{name}/trigger", TriggerJob).WithName("TriggerJob").WithSummary("Exécute une tâche tout de suite.");
        api.MapPost("/{group}/{name}/resume", ResumeJob).WithName("ResumeJob").WithSummary("Reprend une tâche suspendue après un échec définitif.");
        return app;
    }

    /// <summary>GET /api/jobs: every job (fixed ones, then per registered protocol) with its recurring triggers, sorted by key.</summary>
    public static async Task<Ok<JobView[]>> ListJobs(ImpactEvalDbContext db, JobStorage storage, CancellationToken cancellationToken)
    {
        var codes = await db.Protocols.Select(p => p.Code).ToListAsync(cancellationToken);
        List<RecurringJobDto> recurring;
        IReadOnlySet<string> paused;
        using (var connection = storage.GetConnection())
        {
            recurring = connection.GetRecurringJobs();
            paused = RecurringJobPauses.Paused(connection);
        }
        var keys = JobCatalog.Fixed().Concat(codes.SelectMany(c => new[] { JobCatalog.Recompute(c), JobCatalog.Report(c) }));
        var jobs = keys.Select(key => new JobView(key.ToString(), JobCatalog.Description(key), RequestsRecovery: true,
                [.. recurring.Where(r => r.Job is { } job && JobCatalog.KeyOf(job) == key).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => Trigger(r, key, paused))]))
            .OrderBy(j => j.Key, StringComparer.Ordinal);
        return TypedResults.Ok(jobs.ToArray());
    }

    /// <summary>GET /api/jobs/runs?job=recompute.passerelles&amp;status=Failed&amp;limit=50: the history, newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<JobRunView>>, BadRequest<ProblemDetails>>> ListRuns(
        JobHistory history, string? job, string? status, int? limit, CancellationToken cancellationToken)
    {
        JobRunState? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<JobRunState>(status, ignoreCase: true, out var parsed))
                return TypedResults.BadRequest(new ProblemDetails
                {
                    Title = "Statut inconnu",
                    Detail = $"« {status} » n'est pas un statut d'exécution. Valeurs possibles : {string.Join(", ", Enum.GetNames<JobRunState>())}.",
                    Status = StatusCodes.Status400BadRequest,
                });
            wanted = parsed;
        }
        return TypedResults.Ok(await history.RecentAsync(job, wanted, limit ?? 50, cancellationToken));
    }

    /// <summary>POST /api/jobs/{group}/{name}/resume: resumes the job's recurring triggers paused after a final failure.</summary>
    public static async Task<Results<Ok<JobView>, NotFound<ProblemDetails>>> ResumeJob(
        ImpactEvalDbContext db, JobStorage storage, string group, string name, CancellationToken cancellationToken)
    {
        var key = new JobKey(group, name);
        if (!await ExistsAsync(db, key, cancellationToken)) return UnknownJob(key);
        List<RecurringJobDto> recurring;
        using (var connection = storage.GetConnection()) recurring = connection.GetRecurringJobs();
        RecurringJobPauses.Resume(storage, recurring.Where(r => r.Job is { } job && JobCatalog.KeyOf(job) == key).Select(r => r.Id));
        var jobs = await ListJobs(db, storage, cancellationToken);
        return TypedResults.Ok(jobs.Value!.Single(j => j.Key == key.ToString()));
    }

    /// <summary>POST /api/jobs/{group}/{name}/trigger: runs the job now (its usual history, retries and notifications apply).</summary>
    public static async Task<Results<Accepted<TriggeredJob>, NotFound<ProblemDetails>>> TriggerJob(
        ImpactEvalDbContext db, JobRequests requests, TimeProvider clock, string group, string name, CancellationToken cancellationToken)
    {
        var key = new JobKey(group, name);
        if (!await ExistsAsync(db, key, cancellationToken)) return UnknownJob(key);
        // A trigger name of its own, so that the run it starts is found in the history under it.
        var trigger = $"{JobCatalog.ManualGroup}.{key}.{clock.GetUtcNow():yyyyMMddHHmmssfff}.{Guid.NewGuid().ToString("N")[..6]}";
        requests.Enqueue(JobCatalog.JobOf(key)!, trigger);
        return TypedResults.Accepted("/api/jobs/runs?job=" + Uri.EscapeDataString(key.ToString()), new TriggeredJob(key.ToString(), trigger));
    }

    /// <summary>Whether the key names a job: a fixed one, or a per-protocol one of a registered protocol.</summary>
    private static async Task<bool> ExistsAsync(ImpactEvalDbContext db, JobKey key, CancellationToken cancellationToken) =>
        key.Group is JobCatalog.RecomputeGroup or JobCatalog.ReportGroup
            ? await db.Protocols.AnyAsync(p => p.Code == key.Name, cancellationToken)
            : JobCatalog.Fixed().Contains(key);

    private static TriggerView Trigger(RecurringJobDto recurring, JobKey key, IReadOnlySet<string> paused) => new(
        recurring.Id,
        $"{JobCatalog.Description(key)} : « {recurring.Cron} » ({recurring.TimeZoneId ?? "UTC"})",
        paused.Contains(recurring.Id) ? "Paused" : recurring.Error is null ? "Normal" : "Error",
        paused.Contains(recurring.Id) || recurring.NextExecution is not { } next ? null : new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)),
        recurring.LastExecution is { } last ? new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) : null,
        key.Group == JobCatalog.CampaignGroup && key.Name.StartsWith("reminders", StringComparison.Ordinal)
            ? key.Name == "reminders" ? "week-ends" : $"week-ends et vacances-zone-{key.Name[^1]}"
            : null);

    private static NotFound<ProblemDetails> UnknownJob(JobKey key) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Tâche inconnue",
        Detail = string.Create(CultureInfo.InvariantCulture, $"Aucune tâche « {key} » n'existe. La liste des tâches est sur GET /api/jobs."),
        Status = StatusCodes.Status404NotFound,
    });
}
