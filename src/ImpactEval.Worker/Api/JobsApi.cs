using ImpactEval.Data.Entities;
using ImpactEval.Worker.Access;
using ImpactEval.Worker.History;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Quartz;

namespace ImpactEval.Worker.Api;

/// <summary>The jobs API: what is scheduled, what ran, and "run this job now".</summary>
public static class JobsApi
{
    /// <summary>The trigger group of runs requested through the API.</summary>
    public const string ManualGroup = "manual";

    /// <summary>Maps every route of the jobs API under /api/jobs (administrator keys only).</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(AccessPolicies.Administrator);
        api.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("Les tâches planifiées et leurs déclencheurs.");
        api.MapGet("/runs", ListRuns).WithName("ListJobRuns").WithSummary("L'historique des exécutions, les plus récentes d'abord.");
        api.MapPost("/{group}/{name}/trigger", TriggerJob).WithName("TriggerJob").WithSummary("Exécute une tâche tout de suite.");
        api.MapPost("/{group}/{name}/resume", ResumeJob).WithName("ResumeJob").WithSummary("Reprend une tâche suspendue après un échec définitif.");
        return app;
    }

    /// <summary>GET /api/jobs: every job with its triggers, grouped and sorted by key.</summary>
    public static async Task<Ok<JobView[]>> ListJobs(ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new List<JobView>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken)).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var detail = await scheduler.GetJobDetail(key, cancellationToken);
            if (detail is null) continue; // deleted meanwhile
            var triggers = new List<TriggerView>();
            foreach (var trigger in await scheduler.GetTriggersOfJob(key, cancellationToken))
            {
                var state = await scheduler.GetTriggerState(trigger.Key, cancellationToken);
                triggers.Add(new TriggerView(trigger.Key.ToString(), trigger.Description, state.ToString(), trigger.NextFireTimeUtc, trigger.PreviousFireTimeUtc, trigger.CalendarName));
            }
            jobs.Add(new JobView(key.ToString(), detail.Description, detail.RequestsRecovery, [.. triggers.OrderBy(t => t.Key, StringComparer.Ordinal)]));
        }
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

    /// <summary>POST /api/jobs/{group}/{name}/resume: resumes the job's paused triggers (paused after a final failure, or by hand).</summary>
    public static async Task<Results<Ok<JobView>, NotFound<ProblemDetails>>> ResumeJob(
        ISchedulerFactory schedulers, string group, string name, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(name, group);
        if (!await scheduler.Exists(key, cancellationToken)) return UnknownJob(key);
        await scheduler.ResumeJob(key, cancellationToken);
        var jobs = await ListJobs(schedulers, cancellationToken);
        return TypedResults.Ok(jobs.Value!.Single(j => j.Key == key.ToString()));
    }

    /// <summary>POST /api/jobs/{group}/{name}/trigger: fires the job now (its usual history, retries and notifications apply).</summary>
    public static async Task<Results<Accepted<TriggeredJob>, NotFound<ProblemDetails>>> TriggerJob(
        ISchedulerFactory schedulers, string group, string name, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(name, group);
        if (!await scheduler.Exists(key, cancellationToken)) return UnknownJob(key);
        // A one-shot trigger of our own rather than TriggerJob, so that its key (and so its run) is known here.
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"{key.Group}.{key.Name}.{DateTime.UtcNow:yyyyMMddHHmmssfff}.{Guid.NewGuid().ToString("N")[..6]}", ManualGroup)
            .ForJob(key)
            .WithDescription("Exécution demandée par l'API")
            .StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        return TypedResults.Accepted("/api/jobs/runs?job=" + Uri.EscapeDataString(key.ToString()), new TriggeredJob(key.ToString(), trigger.Key.ToString()));
    }

    private static NotFound<ProblemDetails> UnknownJob(JobKey key) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Tâche inconnue",
        Detail = $"Aucune tâche « {key} » n'est planifiée. La liste des tâches est sur GET /api/jobs.",
        Status = StatusCodes.Status404NotFound,
    });
}
