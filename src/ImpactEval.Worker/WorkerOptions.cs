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
    /// This node's name: the Hangfire server name, and the node recorded in the job history. Empty means the machine
    /// name. Unique per node of a cluster.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// How long a graceful shutdown (SIGTERM, Ctrl+C) waits for running jobs before the process exits anyway.
    /// A job still running then is recovered at the next start (or by another node). Default 30 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many jobs run at once on this node. Default 4 (recomputations are CPU-bound).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The worker's one local clock (IANA or Windows id): the time zone of every cron expression, of the campaign dates
    /// (days), of the dates shown in notifications and in <c>impacteval jobs</c>. Default Europe/Paris.
    /// </summary>
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
    /// When every protocol is recomputed anyway (cron expression: 5 fields, or 6 with seconds first; in
    /// <see cref="TimeZone"/>), so that a change the watcher could not see (a correction made directly in the
    /// database) is picked up by morning. Default "30 2 * * *" (02:30 every night).
    /// </summary>
    public string NightlyRecomputeCron { get; set; } = "30 2 * * *";

    /// <summary>
    /// When campaigns are opened, closed and locked by their dates (cron, in <see cref="TimeZone"/>).
    /// Default "5 0 * * *" (00:05 every day).
    /// </summary>
    public string CampaignLifecycleCron { get; set; } = "5 0 * * *";

    /// <summary>
    /// When campaign reminders go out (cron, in <see cref="TimeZone"/>). Whatever the expression, a round on a
    /// weekend or a school holiday of the zone sends nothing (<see cref="Scheduling.SchoolHolidays"/>). Default
    /// "0 9 * * 1-5" (09:00, Monday to Friday).
    /// </summary>
    public string ReminderCron { get; set; } = "0 9 * * 1-5";

    /// <summary>
    /// When every protocol's report is rendered (cron, in <see cref="TimeZone"/>); a report whose inputs did not
    /// change since the last one is not rendered again. Default "0 6 * * 1" (Mondays at 06:00).
    /// </summary>
    public string ReportCron { get; set; } = "0 6 * * 1";

    /// <summary>The formats of scheduled reports. Default HTML and Excel (PDF needs Chromium on the node).</summary>
    public List<Reporting.ReportFormat> ReportFormats { get; set; } = [];

    /// <summary>Where scheduled reports are written; empty means &lt;data&gt;/reports. On a cluster, a shared volume.</summary>
    public string? ReportsDirectory { get; set; }

    /// <summary>Smallest count published in scheduled reports (statistical secrecy). Default 5; 11 for some health data.</summary>
    public int ReportSuppressionThreshold { get; set; } = 5;

    /// <summary>How many times a failed job is retried before it is marked failed. Default 3.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry; each following wait doubles. Whole seconds (rounded up). Default 30 seconds.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two retries. Default 10 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often an idle node looks for jobs to run, and how often due recurring and delayed jobs are enqueued.
    /// Default 1 second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// PostgreSQL: a job taken by a node stays reserved for it while the node shows signs of life (renewed every
    /// second while the job runs); once a node has been silent this long, another node runs its job again. Also the
    /// longest a dead node's Hangfire locks block the others. Default 30 seconds.
    /// </summary>
    public TimeSpan TakeoverTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SQLite: a job interrupted by a crash is run again at the next start, once this long has passed since it began
    /// (the reservation is not renewed on SQLite: this must exceed the longest job). Default 30 minutes.
    /// </summary>
    public TimeSpan SqliteInvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a node records in Hangfire's storage that it is alive (the dashboard's Servers page). Default 15 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After this long without a heartbeat a node is removed from the servers list. Default 1 minute.</summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long job runs and delivered notifications are kept. Default 180 days.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>When the history is purged (cron, in <see cref="TimeZone"/>). Default "15 3 * * *" (03:15 every night).</summary>
    public string HistoryCleanupCron { get; set; } = "15 3 * * *";

    /// <summary>
    /// Failure drills only: holds every recomputation this long after it has read its inputs, so that a test
    /// or an operator can kill the process in the middle of one. Leave unset in production.
    /// </summary>
    public TimeSpan? FaultInjectionRecomputeHold { get; set; }

    /// <summary>The node's name: <see cref="InstanceId"/>, else the machine name.</summary>
    public string NodeName => string.IsNullOrWhiteSpace(InstanceId) ? Environment.MachineName : InstanceId.Trim();
}
