using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.History;

/// <summary>
/// Records every run of every job in <c>job_runs</c> (a row at start, completed at the end), marks the run a
/// crashed process left behind as abandoned when the scheduler recovers it, and raises a notification to the
/// operators when a job fails for good (no retry left).
/// </summary>
/// <remarks>
/// Housekeeping runs (schedule synchronisation, data watch, outbox) happen every few seconds: they are recorded
/// only when they did something or failed. A failure to write the history is logged and does not stop the job
/// itself (which records its own effects in the store).
/// </remarks>
public sealed class JobRunRecorder(
    IDbContextFactory<ImpactEvalDbContext> contexts, IOptions<NotificationOptions> notifications, TimeProvider clock,
    ILogger<JobRunRecorder> logger) : IJobListener
{
    private const int MaxErrorLength = 4000;

    /// <inheritdoc />
    public string Name => "impacteval-job-runs";

    /// <inheritdoc />
    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (JobNames.IsHousekeeping(context.JobDetail.Key)) return;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var trigger = TriggerOf(context);
            var scheduled = ScheduledOf(context);
            if (context.Recovering)
            {
                var node = context.Scheduler.SchedulerInstanceId;
                // The recovery trigger carries the original scheduled time at millisecond precision.
                var (from, to) = (scheduled.AddMilliseconds(-1), scheduled.AddMilliseconds(1));
                await db.JobRuns
                    .Where(r => r.Trigger == trigger && r.ScheduledAt >= from && r.ScheduledAt <= to && r.Status == JobRunState.Running)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, JobRunState.Abandoned)
                        .SetProperty(r => r.EndedAt, now)
                        .SetProperty(r => r.Error, $"Le processus qui exécutait cette tâche s'est arrêté brutalement ; elle est reprise par {node}."),
                        cancellationToken);
            }
            db.JobRuns.Add(NewRun(context, JobRunState.Running, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException)
        {
            logger.LogError(e, "Could not record the start of {Job} ({FireInstance})", context.JobDetail.Key, context.FireInstanceId);
        }
    }

    /// <inheritdoc />
    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var status = StatusOf(context, jobException);
        var housekeeping = JobNames.IsHousekeeping(context.JobDetail.Key);
        if (housekeeping && status == JobRunState.Skipped) return;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            var now = clock.GetUtcNow().UtcDateTime;
            var run = await db.JobRuns.SingleOrDefaultAsync(r => r.FireInstanceId == context.FireInstanceId && r.Status == JobRunState.Running, CancellationToken.None);
            if (run is null) db.JobRuns.Add(run = NewRun(context, status, now));
            run.Status = status;
            run.EndedAt = now;
            var report = context.Result as IJobRunReport;
            run.Summary = report?.Summary;
            run.Inputs = report?.Metrics is { Count: > 0 } metrics ? JsonSerializer.Serialize(metrics.ToDictionary(m => m.Key, m => Format(m.Value))) : null;
            run.Error = jobException is null ? null : Truncate(Describe(jobException));
            await db.SaveChangesAsync(CancellationToken.None);

            if (status == JobRunState.Failed && !housekeeping)
                await RaiseFailureAsync(db, context, run, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException)
        {
            logger.LogError(e, "Could not record the end of {Job} ({FireInstance})", context.JobDetail.Key, context.FireInstanceId);
        }
    }

    private async Task RaiseFailureAsync(ImpactEvalDbContext db, IJobExecutionContext context, JobRun run, CancellationToken cancellationToken)
    {
        var operators = notifications.Value.Operators;
        if (operators.Count == 0)
        {
            logger.LogWarning("Job {Job} failed for good and no operator address is configured (Notifications:Operators)", context.JobDetail.Key);
            return;
        }
        var title = context.JobDetail.Description ?? $"{run.JobGroup}.{run.JobName}";
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var scheduled = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(run.ScheduledAt, DateTimeKind.Utc), paris);
        var subject = $"[ImpactEval] Échec de la tâche « {title} »";
        var body = new StringBuilder()
            .AppendLine("Bonjour,")
            .AppendLine()
            .AppendLine(CultureInfo.GetCultureInfo("fr-FR"), $"La tâche « {title} » prévue le {scheduled:dddd d MMMM yyyy à HH:mm} a échoué après {run.Attempt + 1} tentative(s). Elle ne sera pas relancée automatiquement.")
            .AppendLine()
            .AppendLine($"Erreur : {run.Error}")
            .AppendLine()
            .AppendLine($"Nœud : {run.Node}. Historique : impacteval jobs --job {run.JobGroup}.{run.JobName}")
            .AppendLine("Une tâche récurrente reste suspendue jusqu'à sa reprise par un opérateur.")
            .AppendLine()
            .AppendLine("— ImpactEval (message automatique)")
            .ToString();
        var occurrence = $"{run.JobGroup}.{run.JobName}:{run.Trigger}:{run.ScheduledAt.ToString("O", CultureInfo.InvariantCulture)}";
        await new Outbox(db, clock).EnqueueAsync(
            operators.Select(address => new OutgoingMessage($"job-failure:{occurrence}:{address}", "job-failure", address, subject, body)), cancellationToken);
    }

    private static JobRun NewRun(IJobExecutionContext context, JobRunState status, DateTime now) => new()
    {
        JobGroup = context.JobDetail.Key.Group,
        JobName = context.JobDetail.Key.Name,
        Trigger = TriggerOf(context),
        FireInstanceId = context.FireInstanceId,
        Node = context.Scheduler.SchedulerInstanceId,
        ScheduledAt = ScheduledOf(context),
        StartedAt = now,
        Status = status,
        Attempt = context.RetryAttempt,
        Recovering = context.Recovering,
    };

    /// <summary>The trigger of the occurrence: for a recovery, the trigger that originally fired (not Quartz's recovery trigger).</summary>
    private static string TriggerOf(IJobExecutionContext context) =>
        (context.Recovering && context.RecoveringTriggerKey is { } original ? original : context.Trigger.Key).ToString();

    /// <summary>
    /// When the occurrence was due. A recovery trigger fires "at the original fire time"; the original scheduled time
    /// travels in its data map, and is what identifies the occurrence.
    /// </summary>
    private static DateTime ScheduledOf(IJobExecutionContext context)
    {
        if (context.Recovering)
        {
            var data = context.Trigger.JobDataMap;
            var key = SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime;
            if (data.TryGetDateTimeOffset(key, out var original)) return Milliseconds(original.UtcDateTime);
            if (data.TryGetLong(key, out var milliseconds)) return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
        }
        return Milliseconds((context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime);
    }

    private static DateTime Milliseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);


    private static JobRunState StatusOf(IJobExecutionContext context, JobExecutionException? exception)
    {
        if (exception is null)
            return context.Result is IJobRunReport { Result: JobRunResult.Skipped } ? JobRunState.Skipped : JobRunState.Succeeded;
        if (context.Outcome == ExecutionOutcome.Cancelled) return JobRunState.Cancelled;
        return context.RetryScheduled ? JobRunState.Retrying : JobRunState.Failed;
    }

    /// <summary>The messages of the exception and its causes, without Quartz's wrapper ("Job threw an unhandled exception").</summary>
    private static string Describe(Exception exception)
    {
        while (exception is JobExecutionException or JobExecutionProcessException && exception.InnerException is { } cause) exception = cause;
        var text = new StringBuilder(exception.Message);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            text.Append(" → ").Append(inner.Message);
        return text.ToString();
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    private static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
