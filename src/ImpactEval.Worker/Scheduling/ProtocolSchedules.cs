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
        var changed = await EnsureJobAsync(scheduler, protocolCode, cancellationToken);
        var settings = options.Value;
        var key = JobNames.NightlyRecompute(protocolCode);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger existing
            && existing.CronExpressionString == settings.NightlyRecomputeCron && existing.TimeZone.Id == zone.Id)
            return changed;

        // Misfire: FireAndProceed. A worker that was down at 02:30 recomputes once when it comes back, not once per
        // missed night; recomputation is idempotent (same data fingerprint, nothing stored twice).
        var nightly = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(JobNames.Recompute(protocolCode))
            .WithDescription($"Recalcul nocturne des estimations du protocole « {protocolCode} »")
            .WithCronSchedule(settings.NightlyRecomputeCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleTrigger(nightly, TriggerConflict.Replace, cancellationToken);
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
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobNames.RecomputeGroup), cancellationToken))
        {
            if (registered.Contains(key.Name)) continue;
            if (await scheduler.DeleteJob(key, cancellationToken)) removed.Add(key.Name);
        }
        return removed;
    }

    /// <summary>Rounds up to the next whole second: readable fire times, and no precision lost in the job store.</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset time) =>
        time.Ticks % TimeSpan.TicksPerSecond == 0 ? time : new DateTimeOffset(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, time.Offset);

    private static async Task<bool> EnsureJobAsync(IScheduler scheduler, string protocolCode, CancellationToken cancellationToken)
    {
        var key = JobNames.Recompute(protocolCode);
        if (await scheduler.Exists(key, cancellationToken)) return false;
        // Durable (it outlives its one-shot triggers) and RequestRecovery: a recomputation cut short by a crash is
        // run again at restart, or by another node of the cluster.
        var job = JobBuilder.Create<RecomputeEstimatesJob>()
            .WithIdentity(key)
            .WithDescription($"Recalcul des estimations du protocole « {protocolCode} »")
            .UsingJobData(JobNames.ProtocolKey, protocolCode)
            .StoreDurably()
            .RequestRecovery()
            .Build();
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
