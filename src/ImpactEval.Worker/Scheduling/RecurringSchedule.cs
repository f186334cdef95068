using ImpactEval.Collection;
using Hangfire;
using Hangfire.Storage;
using ImpactEval.Worker.Jobs;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Scheduling;

/// <summary>One recurring job the configuration asks for.</summary>
/// <param name="Id">The Hangfire recurring job id, also the trigger the history shows ("recompute.passerelles.nightly").</param>
/// <param name="Job">The job it runs.</param>
/// <param name="Cron">Its cron expression, in the worker's time zone.</param>
public sealed record RecurringDefinition(string Id, JobKey Job, string Cron);

/// <summary>
/// Keeps Hangfire's recurring jobs equal to what the configuration and the registered protocols ask for: the campaign
/// calendar pass, the reminder rounds of each school-holiday zone and the history cleanup; for each protocol its
/// nightly recomputation and its scheduled report. Every cron expression is read in the worker's one time zone
/// (<see cref="LocalClock"/>). Idempotent and safe from several nodes at once (Hangfire writes under its lock).
/// </summary>
/// <remarks>
/// Missed occurrences (the service was down) follow Hangfire's <see cref="MisfireHandlingMode.Relaxed"/>: however
/// many were missed, one run at start, then the schedule resumes — one catch-up, not one per missed night. Every job
/// is idempotent (campaign dates, data fingerprints and report keys decide what is due).
/// </remarks>
public sealed class RecurringSchedule(IRecurringJobManagerV2 manager, JobStorage storage, IOptions<WorkerOptions> options, LocalClock clock)
{
    /// <summary>The recurring jobs wanted for <paramref name="protocolCodes"/>.</summary>
    public IReadOnlyList<RecurringDefinition> Wanted(IEnumerable<string> protocolCodes)
    {
        var settings = options.Value;
        var wanted = new List<RecurringDefinition>
        {
            new(JobCatalog.CampaignLifecycle.ToString(), JobCatalog.CampaignLifecycle, settings.CampaignLifecycleCron),
            new(JobCatalog.HistoryCleanup.ToString(), JobCatalog.HistoryCleanup, settings.HistoryCleanupCron),
        };
        wanted.AddRange(JobCatalog.ReminderZones.Select(zone => new RecurringDefinition(JobCatalog.CampaignReminders(zone).ToString(), JobCatalog.CampaignReminders(zone), settings.ReminderCron)));
        foreach (var code in protocolCodes.Order(StringComparer.Ordinal))
        {
            wanted.Add(new(JobCatalog.NightlyRecompute(code), JobCatalog.Recompute(code), settings.NightlyRecomputeCron));
            wanted.Add(new(JobCatalog.ScheduledReport(code), JobCatalog.Report(code), settings.ReportCron));
        }
        return wanted;
    }

    /// <summary>Creates or updates the recurring jobs wanted, and removes the others (those of protocols no longer registered).</summary>
    /// <param name="protocolCodes">The codes of the registered protocols.</param>
    /// <returns>The ids created or changed, and the ids removed.</returns>
    public (IReadOnlyList<string> Changed, IReadOnlyList<string> Removed) Apply(IReadOnlyCollection<string> protocolCodes)
    {
        List<RecurringJobDto> existing;
        using (var connection = storage.GetConnection()) existing = connection.GetRecurringJobs();
        var byId = existing.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var wanted = Wanted(protocolCodes);
        var changed = new List<string>();
        var recurring = new RecurringJobOptions { TimeZone = clock.Zone, MisfireHandling = MisfireHandlingMode.Relaxed };
        foreach (var definition in wanted)
        {
            if (byId.TryGetValue(definition.Id, out var current) && current.Cron == definition.Cron && current.TimeZoneId == clock.Zone.Id
                && current.Job is { } job && SameCall(job, JobCatalog.ScheduledJobOf(definition.Job)!))
                continue;
            manager.AddOrUpdate(definition.Id, JobCatalog.ScheduledJobOf(definition.Job)!, definition.Cron, recurring);
            changed.Add(definition.Id);
        }
        var keep = wanted.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Where(r => !keep.Contains(r.Id)).Select(r => r.Id).ToList();
        foreach (var id in removed) manager.RemoveIfExists(id);
        return (changed, removed);
    }

    private static bool SameCall(Hangfire.Common.Job a, Hangfire.Common.Job b) =>
        a.Type == b.Type && a.Method == b.Method && a.Args.Select(x => x?.ToString()).SequenceEqual(b.Args.Select(x => x?.ToString()));
}
