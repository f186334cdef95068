using ImpactEval.Collection;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Notifications;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.History;

/// <summary>
/// Records every run of every job in <c>job_runs</c> (a row at start, completed at the end), as a Hangfire server
/// filter; marks as abandoned, exactly once, the run a killed process left "running" when Hangfire runs its job again
/// (the run is identified by its Hangfire job id, whatever started it: schedule, data change, API, command line); and,
/// as a state filter, records the final failure of a job (no retry left), notifies the operators and pauses the
/// recurring job it came from.
/// </summary>
/// <remarks>
/// A failure to write the history is logged and does not stop the job itself (which records its own effects in the
/// store). Housekeeping tasks, which are not Hangfire jobs, record their runs with <see cref="RecordHousekeeping"/>.
/// </remarks>
public sealed class JobRunRecorder(
    IDbContextFactory<ImpactEvalDbContext> contexts, IOptions<NotificationOptions> notifications, IOptions<WorkerOptions> options, LocalClock clock,
    TimeProvider time, ILogger<JobRunRecorder> logger) : IServerFilter, IApplyStateFilter
{
    /// <summary>The group of the housekeeping tasks in the history.</summary>
    public const string HousekeepingGroup = "housekeeping";

    private const int MaxErrorLength = 4000;
    private const string RunItem = "impacteval.run";

    /// <inheritdoc />
    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob;
        try
        {
            using var db = contexts.CreateDbContext();
            var now = time.GetUtcNow().UtcDateTime;
            var node = options.Value.NodeName;
            var attempt = context.GetJobParameter<int>("RetryCount", allowStale: true);
            // A row still "running" for this Hangfire job belongs to a process that died in the middle of it: Hangfire
            // gives a job to one worker at a time, so this worker runs it again.
            var abandoned = db.JobRuns.Where(r => r.FireInstanceId == job.Id && r.Status == JobRunState.Running).ExecuteUpdate(s => s
                .SetProperty(r => r.Status, JobRunState.Abandoned)
                .SetProperty(r => r.EndedAt, now)
                .SetProperty(r => r.Error, $"Le processus qui exécutait cette tâche s’est arrêté brutalement ; elle est reprise par {node}."));
            var recovering = abandoned > 0 || db.JobRuns.Any(r => r.FireInstanceId == job.Id && r.Attempt == attempt && r.Status == JobRunState.Abandoned);
            var key = JobCatalog.KeyOf(job.Job);
            var run = new JobRun
            {
                JobGroup = key.Group, JobName = key.Name, Trigger = TriggerOf(context), FireInstanceId = job.Id, Node = node,
                ScheduledAt = ScheduledOf(context), StartedAt = now, Status = JobRunState.Running, Attempt = attempt, Recovering = recovering,
            };
            db.JobRuns.Add(run);
            db.SaveChanges();
            context.Items[RunItem] = run.Id;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException)
        {
            logger.LogError(e, "Could not record the start of job {JobId}", job.Id);
        }
    }

    /// <inheritdoc />
    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(RunItem, out var value) || value is not long id) return;
        var error = context.Exception is null ? null : Cause(context.Exception);
        var status = error switch
        {
            null => context.Result is JobRunReport { NothingToDo: true } ? JobRunState.Skipped : JobRunState.Succeeded,
            OperationCanceledException when context.CancellationToken.ShutdownToken.IsCancellationRequested => JobRunState.Cancelled,
            // Retried unless no attempt is left: then the state filter below makes it Failed.
            _ => JobRunState.Retrying,
        };
        try
        {
            using var db = contexts.CreateDbContext();
            var run = db.JobRuns.Single(r => r.Id == id);
            run.Status = status;
            run.EndedAt = time.GetUtcNow().UtcDateTime;
            var report = context.Result as JobRunReport;
            run.Summary = report?.Summary;
            run.Inputs = report?.Inputs is { Count: > 0 } inputs ? JsonSerializer.Serialize(inputs.ToDictionary(i => i.Key, i => i.Value)) : null;
            run.Error = error is null ? null : Truncate(Describe(error));
            db.SaveChanges();
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException)
        {
            logger.LogError(e, "Could not record the end of job {JobId}", context.BackgroundJob.Id);
        }
    }

    /// <summary>
    /// A job that failed with no retry left (Hangfire's <see cref="AutomaticRetryAttribute"/> let the failed state
    /// stand): its run is recorded as failed, the operators are notified once, and a recurring job is paused until an
    /// operator resumes it (<c>impacteval jobs resume</c>) — never retried in a loop.
    /// </summary>
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState || context.OldStateName != ProcessingState.StateName) return;
        var jobId = context.BackgroundJob.Id;
        var recurring = context.Connection.GetJobParameter(jobId, "RecurringJobId") is { } serialized ? SerializationHelper.Deserialize<string>(serialized) : null;
        if (recurring is not null) RecurringJobPauses.Pause(transaction, recurring);
        try
        {
            using var db = contexts.CreateDbContext();
            var run = db.JobRuns.Where(r => r.FireInstanceId == jobId).OrderByDescending(r => r.Id).FirstOrDefault();
            if (run is null) return;
            run.Status = JobRunState.Failed;
            run.EndedAt ??= time.GetUtcNow().UtcDateTime;
            db.SaveChanges();
            RaiseFailure(db, context.BackgroundJob.Job, run, recurring);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException)
        {
            logger.LogError(e, "Could not record the failure of job {JobId}", jobId);
        }
    }

    /// <inheritdoc />
    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    /// <summary>
    /// Records a run of a housekeeping task (data watch, outbox delivery, schedule synchronisation), which is not a
    /// Hangfire job: only when it did something or failed — they run every few seconds.
    /// </summary>
    /// <param name="name">The task's name ("data-watch").</param>
    /// <param name="startedAt">When it started (UTC).</param>
    /// <param name="report">What it did, null when it failed.</param>
    /// <param name="error">Why it failed, null when it did not.</param>
    public void RecordHousekeeping(string name, DateTime startedAt, JobRunReport? report, Exception? error)
    {
        if (error is null && report is { NothingToDo: true }) return;
        try
        {
            using var db = contexts.CreateDbContext();
            db.JobRuns.Add(new JobRun
            {
                JobGroup = HousekeepingGroup, JobName = name, Trigger = $"{HousekeepingGroup}.{name}", FireInstanceId = Guid.NewGuid().ToString("N"),
                Node = options.Value.NodeName, ScheduledAt = startedAt, StartedAt = startedAt, EndedAt = time.GetUtcNow().UtcDateTime,
                Status = error is null ? JobRunState.Succeeded : JobRunState.Failed, Summary = report?.Summary,
                Inputs = report?.Inputs is { Count: > 0 } inputs ? JsonSerializer.Serialize(inputs.ToDictionary(i => i.Key, i => i.Value)) : null,
                Error = error is null ? null : Truncate(Describe(error)),
            });
            db.SaveChanges();
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException)
        {
            logger.LogError(e, "Could not record a run of {Task}", name);
        }
    }

    /// <summary>
    /// Marks as abandoned the runs left "running" whose Hangfire job is no longer processing (deleted from the
    /// dashboard, or expired after its process died), so that no run stays "running" for ever. A job still processing
    /// — on a live node, or on a dead one whose job Hangfire will run again — is left alone.
    /// </summary>
    /// <param name="storage">Hangfire's storage.</param>
    /// <returns>How many runs were marked.</returns>
    public int AbandonOrphans(JobStorage storage)
    {
        using var db = contexts.CreateDbContext();
        var running = db.JobRuns.Where(r => r.Status == JobRunState.Running).Select(r => new { r.Id, r.FireInstanceId }).ToList();
        if (running.Count == 0) return 0;
        using var connection = storage.GetConnection();
        var orphans = running.Where(r => connection.GetStateData(r.FireInstanceId)?.Name != ProcessingState.StateName).Select(r => r.Id).ToList();
        if (orphans.Count == 0) return 0;
        var now = time.GetUtcNow().UtcDateTime;
        return db.JobRuns.Where(r => orphans.Contains(r.Id) && r.Status == JobRunState.Running).ExecuteUpdate(s => s
            .SetProperty(r => r.Status, JobRunState.Abandoned)
            .SetProperty(r => r.EndedAt, now)
            .SetProperty(r => r.Error, "Le processus qui exécutait cette tâche s’est arrêté et Hangfire ne la reprendra pas (tâche supprimée ou expirée)."));
    }

    private void RaiseFailure(ImpactEvalDbContext db, Job job, JobRun run, string? recurring)
    {
        var operators = notifications.Value.Operators;
        if (operators.Count == 0)
        {
            logger.LogWarning("Job {Job} failed for good and no operator address is configured (Notifications:Operators)", $"{run.JobGroup}.{run.JobName}");
            return;
        }
        var key = JobCatalog.KeyOf(job);
        var title = JobCatalog.Description(key);
        var scheduled = clock.Local(run.ScheduledAt);
        var subject = $"[ImpactEval] Échec de la tâche « {title} »";
        var body = new StringBuilder()
            .AppendLine("Bonjour,")
            .AppendLine()
            .AppendLine(CultureInfo.GetCultureInfo("fr-FR"), $"La tâche « {title} » prévue le {scheduled:dddd d MMMM yyyy à HH:mm} a échoué après {run.Attempt + 1} tentative(s). Elle ne sera pas relancée automatiquement.")
            .AppendLine()
            .AppendLine($"Erreur : {run.Error}")
            .AppendLine()
            .AppendLine($"Nœud : {run.Node}. Historique : impacteval jobs --job {key}")
            .AppendLine(recurring is null
                ? "Elle peut être relancée avec « impacteval jobs trigger " + key + " »."
                : $"Sa planification ({recurring}) reste suspendue jusqu’à sa reprise par un opérateur : impacteval jobs resume {key}")
            .AppendLine()
            .AppendLine("— ImpactEval (message automatique)")
            .ToString();
        // One notification per failed occurrence (its Hangfire job) and address, however often this runs.
        var occurrence = $"{key}:{run.FireInstanceId}";
        new Outbox(db, time).EnqueueAsync(
            operators.Select(address => new OutgoingMessage($"job-failure:{occurrence}:{address}", "job-failure", address, subject, body))).GetAwaiter().GetResult();
    }

    /// <summary>What started the run: its recurring job, else the trigger given when it was enqueued.</summary>
    private static string TriggerOf(PerformContext context) =>
        context.GetJobParameter<string>("RecurringJobId", allowStale: true)
        ?? context.GetJobParameter<string>(JobRequests.TriggerParameter, allowStale: true)
        ?? $"{JobCatalog.ManualGroup}.hangfire";

    /// <summary>When the occurrence was due: the recurring job's occurrence time, else when the job was created.</summary>
    private static DateTime ScheduledOf(PerformContext context) =>
        context.GetJobParameter<long?>("Time", allowStale: true) is { } seconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : DateTime.SpecifyKind(context.BackgroundJob.CreatedAt, DateTimeKind.Utc);

    /// <summary>The job's own exception, without Hangfire's wrapper ("An exception occurred during performance of the job").</summary>
    private static Exception Cause(Exception exception)
    {
        while (exception is JobPerformanceException or AggregateException && exception.InnerException is { } cause) exception = cause;
        return exception;
    }

    /// <summary>
    /// The messages of the exception and of its causes; a database error is described in French first
    /// (<see cref="StoreErrors"/>), the provider's text kept after it for the operators.
    /// </summary>
    private static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        if (StoreErrors.Describe(exception) is { } french) text.Append(french).Append(" — ");
        text.Append(exception.Message);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            text.Append(" → ").Append(inner.Message);
        return text.ToString();
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
