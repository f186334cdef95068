using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>The keys of every job and trigger the worker schedules, in one place.</summary>
public static class JobNames
{
    /// <summary>Internal jobs that keep the schedule and the outbox moving; their idle runs are not recorded.</summary>
    public const string HousekeepingGroup = "housekeeping";

    /// <summary>Maintenance jobs that run rarely and are always recorded.</summary>
    public const string MaintenanceGroup = "maintenance";

    /// <summary>One recomputation job per protocol, named after the protocol's code.</summary>
    public const string RecomputeGroup = "recompute";

    /// <summary>Campaign lifecycle and reminders.</summary>
    public const string CampaignGroup = "campaigns";

    /// <summary>One scheduled-report job per protocol, named after the protocol's code.</summary>
    public const string ReportGroup = "reports";

    /// <summary>The job data key holding a protocol's code.</summary>
    public const string ProtocolKey = "protocol";

    /// <summary>The trigger data key holding a campaign's code.</summary>
    public const string CampaignKey = "campaign";

    /// <summary>Keeps per-protocol jobs in step with the registered protocols.</summary>
    public static readonly JobKey ScheduleSync = new("schedule-sync", HousekeepingGroup);

    /// <summary>Watches imports and requests coalesced recomputations.</summary>
    public static readonly JobKey DataWatch = new("data-watch", HousekeepingGroup);

    /// <summary>Delivers the outbox by SMTP.</summary>
    public static readonly JobKey OutboxDelivery = new("outbox", HousekeepingGroup);

    /// <summary>Purges old job runs and delivered notifications (recorded: runs once a night).</summary>
    public static readonly JobKey HistoryCleanup = new("history-cleanup", MaintenanceGroup);

    /// <summary>Opens, closes and locks campaigns by their dates.</summary>
    public static readonly JobKey CampaignLifecycle = new("lifecycle", CampaignGroup);

    /// <summary>Consolidates national campaigns once closed and renders their synthesis (one trigger per campaign).</summary>
    public static readonly JobKey CampaignConsolidation = new("consolidation", CampaignGroup);

    /// <summary>The one-shot trigger that consolidates a campaign (one key per campaign: requested again, never duplicated).</summary>
    public static TriggerKey ConsolidateCampaign(string campaignCode) => new($"consolidation.{campaignCode}", CampaignGroup);

    /// <summary>The reminder job of a school-holiday zone ('A', 'B', 'C'), or of territories without a zone (null).</summary>
    public static JobKey CampaignReminders(char? zone) => new(zone is { } z ? $"reminders-zone-{char.ToLowerInvariant(z)}" : "reminders", CampaignGroup);

    /// <summary>The recomputation job of a protocol.</summary>
    public static JobKey Recompute(string protocolCode) => new(protocolCode, RecomputeGroup);

    /// <summary>The nightly trigger of a protocol's recomputation.</summary>
    public static TriggerKey NightlyRecompute(string protocolCode) => new($"{protocolCode}.nightly", RecomputeGroup);

    /// <summary>The debounced trigger that recomputes a protocol after its data changed (one key: rescheduled, never duplicated).</summary>
    public static TriggerKey RecomputeOnChange(string protocolCode) => new($"{protocolCode}.on-change", RecomputeGroup);

    /// <summary>The scheduled-report job of a protocol.</summary>
    public static JobKey Report(string protocolCode) => new(protocolCode, ReportGroup);

    /// <summary>The schedule of a protocol's report.</summary>
    public static TriggerKey ScheduledReport(string protocolCode) => new($"{protocolCode}.scheduled", ReportGroup);

    /// <summary>Whether a job belongs to the housekeeping group.</summary>
    public static bool IsHousekeeping(JobKey key) => key.Group == HousekeepingGroup;
}
