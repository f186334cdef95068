using Hangfire.Common;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Every job the worker runs, in one place: its key ("group.name"), its French description, the Hangfire method call
/// that runs it, and the names of what triggers it (recurring jobs, data changes, campaign requests).
/// </summary>
public static class JobCatalog
{
    /// <summary>One recomputation job per protocol, named after the protocol's code.</summary>
    public const string RecomputeGroup = "recompute";

    /// <summary>One scheduled-report job per protocol, named after the protocol's code.</summary>
    public const string ReportGroup = "reports";

    /// <summary>Campaign lifecycle, consolidation and reminders.</summary>
    public const string CampaignGroup = "campaigns";

    /// <summary>Maintenance jobs (history cleanup).</summary>
    public const string MaintenanceGroup = "maintenance";

    /// <summary>The trigger group of runs requested through the API (<c>impacteval jobs trigger</c>).</summary>
    public const string ManualGroup = "manual";

    /// <summary>Opens, closes and locks campaigns by their dates.</summary>
    public static readonly JobKey CampaignLifecycle = new(CampaignGroup, "lifecycle");

    /// <summary>Consolidates national campaigns once closed and renders their synthesis.</summary>
    public static readonly JobKey CampaignConsolidation = new(CampaignGroup, "consolidation");

    /// <summary>Purges old job runs and delivered notifications.</summary>
    public static readonly JobKey HistoryCleanup = new(MaintenanceGroup, "history-cleanup");

    /// <summary>The school-holiday zones of reminder jobs: territories without a zone (null), then A, B, C.</summary>
    public static IReadOnlyList<char?> ReminderZones { get; } = [null, 'A', 'B', 'C'];

    /// <summary>The recomputation job of a protocol.</summary>
    public static JobKey Recompute(string protocolCode) => new(RecomputeGroup, protocolCode);

    /// <summary>The scheduled-report job of a protocol.</summary>
    public static JobKey Report(string protocolCode) => new(ReportGroup, protocolCode);

    /// <summary>The reminder job of a school-holiday zone ('A', 'B', 'C'), or of territories without a zone (null).</summary>
    public static JobKey CampaignReminders(char? zone) => new(CampaignGroup, zone is { } z ? $"reminders-zone-{char.ToLowerInvariant(z)}" : "reminders");

    /// <summary>The jobs that do not depend on the registered protocols.</summary>
    public static IEnumerable<JobKey> Fixed() =>
        [CampaignLifecycle, CampaignConsolidation, .. ReminderZones.Select(CampaignReminders), HistoryCleanup];

    /// <summary>The recurring job of a protocol's nightly recomputation.</summary>
    public static string NightlyRecompute(string protocolCode) => $"{Recompute(protocolCode)}.nightly";

    /// <summary>The recurring job of a protocol's scheduled report.</summary>
    public static string ScheduledReport(string protocolCode) => $"{Report(protocolCode)}.scheduled";

    /// <summary>The trigger of a recomputation requested because the protocol's data changed.</summary>
    public static string RecomputeOnChange(string protocolCode) => $"{Recompute(protocolCode)}.on-change";

    /// <summary>The trigger of a consolidation requested by the calendar pass for one campaign.</summary>
    public static string ConsolidateCampaign(string campaignCode) => $"{CampaignConsolidation}.{campaignCode}";

    /// <summary>The Hangfire method call of a job, or null when the key names no job (the protocol is not checked).</summary>
    public static Job? JobOf(JobKey key) => key.Group switch
    {
        RecomputeGroup => Job.FromExpression<RecomputeEstimatesJob>(j => j.RunAsync(key.Name, CancellationToken.None)),
        ReportGroup => Job.FromExpression<ScheduledReportJob>(j => j.RunAsync(key.Name, CancellationToken.None)),
        _ when key == CampaignLifecycle => Job.FromExpression<CampaignLifecycleJob>(j => j.RunAsync(CancellationToken.None)),
        _ when key == CampaignConsolidation => Consolidation(null),
        _ when key == HistoryCleanup => Job.FromExpression<HistoryCleanupJob>(j => j.RunAsync(CancellationToken.None)),
        CampaignGroup when IsReminders(key, out var zone) => Reminders(zone),
        _ => null,
    };

    /// <summary>The call a recurring job of <paramref name="key"/> makes: the job's, except reminder rounds, which keep to school days when scheduled.</summary>
    public static Job? ScheduledJobOf(JobKey key) => IsReminders(key, out var zone) ? Reminders(zone, schoolDaysOnly: true) : JobOf(key);

    private static bool IsReminders(JobKey key, out char? zone)
    {
        foreach (var candidate in ReminderZones)
            if (CampaignReminders(candidate) == key)
            {
                zone = candidate;
                return true;
            }
        zone = null;
        return false;
    }

    /// <summary>
    /// The reminder round of a zone ('A', 'B', 'C'), or of territories without a zone (null). The scheduled round
    /// (<paramref name="schoolDaysOnly"/>) sends nothing on weekends and the zone's school holidays; an operator's
    /// "run now" sends what is due whatever the day.
    /// </summary>
    public static Job Reminders(char? zone, bool schoolDaysOnly = false)
    {
        var text = zone?.ToString();
        return Job.FromExpression<CampaignReminderJob>(j => j.RunAsync(text, schoolDaysOnly, CancellationToken.None));
    }

    /// <summary>The consolidation of one campaign, or of every campaign due today (null).</summary>
    public static Job Consolidation(string? campaignCode) =>
        Job.FromExpression<CampaignConsolidationJob>(j => j.RunAsync(campaignCode, CancellationToken.None));

    /// <summary>The key of a Hangfire job of this catalog, from its type and arguments.</summary>
    /// <exception cref="ArgumentException">The job is not one of the worker's.</exception>
    public static JobKey KeyOf(Job job)
    {
        string Argument() => job.Args.Count > 0 && job.Args[0] is string text ? text : "";
        if (job.Type == typeof(RecomputeEstimatesJob)) return Recompute(Argument());
        if (job.Type == typeof(ScheduledReportJob)) return Report(Argument());
        if (job.Type == typeof(CampaignLifecycleJob)) return CampaignLifecycle;
        if (job.Type == typeof(CampaignConsolidationJob)) return CampaignConsolidation;
        if (job.Type == typeof(HistoryCleanupJob)) return HistoryCleanup;
        if (job.Type == typeof(CampaignReminderJob)) return CampaignReminders(Argument() is { Length: 1 } zone ? zone[0] : null);
        throw new ArgumentException($"{job.Type.Name}.{job.Method.Name} is not a job of the worker.", nameof(job));
    }

    /// <summary>
    /// The resource no two runs may hold at once, on any node: a protocol's recomputation and report share one (both
    /// store estimates), every other job has its own.
    /// </summary>
    public static string ExclusiveResource(JobKey key) => key.Group is RecomputeGroup or ReportGroup ? $"estimates:{key.Name}" : key.ToString();

    /// <summary>What a job does, in French (job list, dashboard, failure notifications).</summary>
    public static string Description(JobKey key) => key.Group switch
    {
        RecomputeGroup => $"Recalcul des estimations du protocole « {key.Name} »",
        ReportGroup => $"Rapport du protocole « {key.Name} »",
        _ when key == CampaignLifecycle => "Ouvre, clôt et verrouille les campagnes à leurs dates",
        _ when key == CampaignConsolidation => "Consolide les campagnes nationales closes et produit leur synthèse",
        _ when key == HistoryCleanup => "Purge l’historique des tâches et des notifications anciennes",
        _ when key == CampaignReminders(null) => "Rappels des campagnes (territoires sans zone)",
        CampaignGroup when key.Name.StartsWith("reminders-zone-", StringComparison.Ordinal) =>
            $"Rappels des campagnes (zone {char.ToUpperInvariant(key.Name[^1])})",
        _ => key.ToString(),
    };
}
