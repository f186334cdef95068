using ImpactEval.Worker.Jobs;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// Creates, updates and removes the jobs and triggers that belong to a protocol: its recomputation job, the
/// nightly trigger, and the debounced "data changed" trigger. Every call is idempotent and safe from several
/// nodes at once (the job store decides under its lock).
/// </summary>
public sealed class ProtocolSchedules(IOptions<WorkerOptions> options)
{
    /// <summary>Makes sure the protocol's recomputation job and nightly trigger exist and follow the configuration.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="protocolCode">The protocol's code.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when something was created or changed.</returns>
    public async Task<bool> EnsureAsync(IScheduler scheduler, string protocolCode, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var changed = await EnsureJobAsync(scheduler, protocolCode, cancellationToken);
        changed |= await EnsureReportJobAsync(scheduler, protocolCode, cancellationToken);
        // Misfire: FireAndProceed for both. A worker that was down at 02:30 recomputes once when it comes back, not
        // once per missed night; a missed report is rendered once. Both are idempotent (same inputs, nothing stored twice).
        changed |= await EnsureCronAsync(scheduler, JobNames.NightlyRecompute(protocolCode), JobNames.Recompute(protocolCode), settings.NightlyRecomputeCron,
            $"Recalcul nocturne des estimations du protocole « {protocolCode} »", cancellationToken);
        changed |= await EnsureCronAsync(scheduler, JobNames.ScheduledReport(protocolCode), JobNames.Report(protocolCode), settings.ReportCron,
            $"Rapport périodique du protocole « {protocolCode} »", cancellationToken);
        return changed;
    }

    private async Task<bool> EnsureCronAsync(IScheduler scheduler, TriggerKey key, JobKey job, string cronExpression, string description, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger existing && existing.CronExpressionString == cronExpression && existing.TimeZone.Id == zone.Id)
            return false;
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(job)
            .WithDescription(description)
            .WithCronSchedule(cronExpression, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        return true;
    }

    /// <summary>
    /// Requests a recomputation at <paramref name="fireAt"/>, replacing a pending one: calling this on every change
    /// with "now + quiet period" is a debounce, and a burst of changes yields one recomputation.
    /// </summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="protocolCode">The protocol's code.</param>
    /// <param name="fireAt">When to recompute.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task RequestRecomputeAsync(IScheduler scheduler, string protocolCode, DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        await EnsureJobAsync(scheduler, protocolCode, cancellationToken);
        // Misfire: FireNow. A change seen just before a crash is still recomputed as soon as the scheduler is back.
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobNames.RecomputeOnChange(protocolCode))
            .ForJob(JobNames.Recompute(protocolCode))
            .WithDescription($"Recalcul après modification des données du protocole « {protocolCode} »")
            .StartAt(WholeSecond(fireAt))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>Removes the jobs (and their triggers) of protocols that are no longer registered.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="registered">The codes of the registered protocols.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The codes whose jobs were removed.</returns>
    public async Task<IReadOnlyList<string>> RemoveOthersAsync(IScheduler scheduler, IReadOnlySet<string> registered, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var group in new[] { JobNames.RecomputeGroup, JobNames.ReportGroup })
            foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken))
            {
                if (registered.Contains(key.Name)) continue;
                if (await scheduler.DeleteJob(key, cancellationToken) && !removed.Contains(key.Name)) removed.Add(key.Name);
            }
        return removed;
    }

    /// <summary>Rounds up to the next whole second: readable fire times, and no precision lost in the job store.</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset time) =>
        time.Ticks % TimeSpan.TicksPerSecond == 0 ? time : new DateTimeOffset(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, time.Offset);

    private static Task<bool> EnsureJobAsync(IScheduler scheduler, string protocolCode, CancellationToken cancellationToken) =>
        // Durable (it outlives its one-shot triggers) and RequestRecovery: a recomputation cut short by a crash is
        // run again at restart, or by another node of the cluster.
        AddIfMissingAsync(scheduler, JobBuilder.Create<RecomputeEstimatesJob>()
            .WithIdentity(JobNames.Recompute(protocolCode))
            .WithDescription($"Recalcul des estimations du protocole « {protocolCode} »")
            .UsingJobData(JobNames.ProtocolKey, protocolCode)
            .StoreDurably()
            .RequestRecovery()
            .Build(), cancellationToken);

    private static Task<bool> EnsureReportJobAsync(IScheduler scheduler, string protocolCode, CancellationToken cancellationToken) =>
        AddIfMissingAsync(scheduler, JobBuilder.Create<ScheduledReportJob>()
            .WithIdentity(JobNames.Report(protocolCode))
            .WithDescription($"Rapport du protocole « {protocolCode} »")
            .UsingJobData(JobNames.ProtocolKey, protocolCode)
            .StoreDurably()
            .RequestRecovery()
            .Build(), cancellationToken);

    private static async Task<bool> AddIfMissingAsync(IScheduler scheduler, IJobDetail job, CancellationToken cancellationToken)
    {
        if (await scheduler.Exists(job.Key, cancellationToken)) return false;
        try
        {
            await scheduler.AddJob(job, new AddJobOptions(), cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false; // another node added it between the check and the add
        }
    }
}
