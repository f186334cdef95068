namespace ImpactEval.Worker;

/// <summary>
/// How the worker schedules and runs its jobs. Bound from the "Worker" configuration section; every default
/// suits one machine running <c>impacteval serve</c> with no configuration at all.
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Worker";

    /// <summary>
    /// The scheduler's name, which is also the cluster's identity: every node of one cluster uses the same name
    /// and the same database. Default "ImpactEval".
    /// </summary>
    public string SchedulerName { get; set; } = "ImpactEval";

    /// <summary>
    /// This node's identifier in a cluster (PostgreSQL), unique per node; empty means generated from the host
    /// name and the start time. Ignored on SQLite.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// How long a graceful shutdown (SIGTERM, Ctrl+C) waits for running jobs before the process exits anyway.
    /// A job still running then is recovered at the next start (or by another node). Default 30 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many jobs run at once on this node. Default 4 (recomputations are CPU-bound).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The time zone of schedules written as times of day (nightly recomputation, reminders). Default Europe/Paris.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>How often newly registered protocols get their jobs (and removed ones lose them). Default 30 seconds.</summary>
    public TimeSpan ScheduleSyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the store is checked for new imports. Default 2 seconds.</summary>
    public TimeSpan DataChangePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long after the last import a recomputation waits for more (debounce): a burst of imports closer
    /// together than this triggers one recomputation. Default 5 seconds.
    /// </summary>
    public TimeSpan RecomputeQuietPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest a recomputation may be postponed by a continuous stream of imports, counted from the first
    /// import not yet recomputed. Default 2 minutes.
    /// </summary>
    public TimeSpan RecomputeMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When every protocol is recomputed anyway (Quartz cron expression, in <see cref="TimeZone"/>), so that a
    /// change the watcher could not see (a correction made directly in the database) is picked up by morning.
    /// Default "0 30 2 * * ?" (02:30 every night).
    /// </summary>
    public string NightlyRecomputeCron { get; set; } = "0 30 2 * * ?";

    /// <summary>
    /// When campaigns are opened, closed and locked by their dates (Quartz cron, in <see cref="TimeZone"/>).
    /// Default "0 5 0 * * ?" (00:05 every day).
    /// </summary>
    public string CampaignLifecycleCron { get; set; } = "0 5 0 * * ?";

    /// <summary>
    /// When campaign reminders go out (Quartz cron, in <see cref="TimeZone"/>); the days skipped are the weekends and
    /// the school holidays of each territory's zone. Default "0 0 9 * * ?" (09:00).
    /// </summary>
    public string ReminderCron { get; set; } = "0 0 9 * * ?";

    /// <summary>
    /// When every protocol's report is rendered (Quartz cron, in <see cref="TimeZone"/>); a report whose inputs did
    /// not change since the last one is not rendered again. Default "0 0 6 ? * MON" (Mondays at 06:00).
    /// </summary>
    public string ReportCron { get; set; } = "0 0 6 ? * MON";

    /// <summary>The formats of scheduled reports. Default HTML and Excel (PDF needs Chromium on the node).</summary>
    public List<Reporting.ReportFormat> ReportFormats { get; set; } = [];

    /// <summary>Where scheduled reports are written; empty means &lt;data&gt;/reports. On a cluster, a shared volume.</summary>
    public string? ReportsDirectory { get; set; }

    /// <summary>Smallest count published in scheduled reports (statistical secrecy). Default 5; 11 for some health data.</summary>
    public int ReportSuppressionThreshold { get; set; } = 5;

    /// <summary>How many times a failed job is retried before it is marked failed. Default 3.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry; each following wait doubles. Default 30 seconds.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two retries. Default 10 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How late a trigger may fire before its misfire instruction applies (the worker was down or busy).
    /// Default 1 minute.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a clustered node records that it is alive. Default 5 seconds.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the other nodes wait before declaring a node dead and taking over its
    /// running jobs. Default 20 seconds: a dead node's work is taken over within about 25 seconds.
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long job runs and delivered notifications are kept. Default 180 days.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>When the history is purged (Quartz cron, in <see cref="TimeZone"/>). Default "0 15 3 * * ?" (03:15 every night).</summary>
    public string HistoryCleanupCron { get; set; } = "0 15 3 * * ?";

    /// <summary>
    /// Failure drills only: holds every recomputation this long after it has read its inputs, so that a test
    /// or an operator can kill the process in the middle of one. Leave unset in production.
    /// </summary>
    public TimeSpan? FaultInjectionRecomputeHold { get; set; }
}
