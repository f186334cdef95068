using System.Text.Json.Serialization;
using ImpactEval.Data;
using ImpactEval.Worker.Access;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.Health;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Hosting;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Notifications;
using ImpactEval.Worker.Reports;
using ImpactEval.Worker.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Extensions;

/// <summary>The composition of the worker: options, store, services, scheduler and jobs, in one method.</summary>
public static class Extensions
{
    /// <summary>The address the worker listens on when none is configured (--urls, ASPNETCORE_URLS, "urls").</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Registers everything the worker needs. Configuration is read, lowest priority first, from the defaults,
    /// appsettings.json, impacteval.json (the CLI's file), environment variables (ASPNETCORE_*, DOTNET_* and
    /// IMPACTEVAL_*, e.g. IMPACTEVAL_Store__Provider=PostgreSql) and the command line.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        AddConfigurationSources(builder.Configuration);
        // Every SQL statement at Information would drown the log (the data watch runs every few seconds).
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.Section);
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) => host.ShutdownTimeout = worker.Value.ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPooledDbContextFactory<ImpactEvalDbContext>((services, db) => Store.Configure(db, services.GetRequiredService<IOptions<StoreOptions>>().Value));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<ImpactEvalDbContext>>().CreateDbContext());
        builder.Services.AddScoped<JobHistory>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddSingleton<ProtocolSchedules>();
        builder.Services.AddSingleton<SmtpSender>();
        builder.Services.AddSingleton<ContactDirectory>();
        builder.Services.AddScoped<ScheduledReports>();
        builder.Services.AddScoped<CampaignConsolidations>();
        // Registered before the scheduler's hosted service, which the host starts after them: one worker per SQLite
        // data directory, and the schema exists before the first job runs.
        builder.Services.AddHostedService<SingleNodeGuard>();
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store").AddQuartz();
        builder.AddApiAccess();

        var store = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        var worker = builder.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var notifications = builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        builder.AddQuartz(quartz => ConfigureScheduler(quartz, store, worker, notifications));
        // WaitForJobsToComplete: a graceful stop (SIGTERM) lets running jobs finish, within HostOptions.ShutdownTimeout
        // (= Worker:ShutdownTimeout). A job still running past it is recovered at the next start or by another node.
        builder.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = true;
            hosted.AwaitApplicationStarted = true;
        });
        return builder;
    }

    private static void ConfigureScheduler(IQuartzBuilder quartz, StoreOptions store, WorkerOptions worker, NotificationOptions notifications)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = worker.SchedulerName;
            if (!string.IsNullOrWhiteSpace(worker.InstanceId)) scheduler.InstanceId = worker.InstanceId;
            scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Never;
        });
        quartz.UseDefaultThreadPool(Math.Max(1, worker.MaxConcurrency));
        quartz.UsePersistentStore(persistent =>
        {
            persistent.ConfigureStore(options =>
            {
                options.MisfireThreshold = worker.MisfireThreshold;
                options.StoreJobDataAsStrings = true;
            });
            if (store.Provider == StoreProvider.Sqlite)
                persistent.UseSqlite(SchedulerSqliteConnectionString(store));
            else if (!string.IsNullOrWhiteSpace(store.ConnectionString))
            {
                // Same database as the store, tables qrtz_*. Clustered even with one node, so that adding a node
                // needs no other change: nodes share the load and take over each other's jobs.
                persistent.UsePostgres(store.ConnectionString);
                persistent.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = worker.ClusterCheckinInterval;
                    cluster.CheckinMisfireThreshold = worker.ClusterCheckinMisfireThreshold;
                });
            }
            persistent.ProvisionSchema();
            persistent.UseSystemTextJsonSerializer();
        });

        // Transient failures (database busy, a file being written) are retried with a doubling wait; a job that
        // keeps failing is then recorded as failed, notified, and its recurring trigger paused until an operator
        // resumes it — never retried in a loop.
        if (worker.RetryAttempts > 0 && worker.RetryInitialDelay > TimeSpan.Zero && worker.RetryMaxDelay >= worker.RetryInitialDelay)
            quartz.UseDefaultRetryPolicy(RetryPolicy.Exponential(worker.RetryAttempts, worker.RetryInitialDelay, 2, worker.RetryMaxDelay));
        quartz.PauseTriggerWhenRetriesExhausted();
        quartz.AddJobListener(services => new JobRunRecorder(
            services.GetRequiredService<IDbContextFactory<ImpactEvalDbContext>>(), services.GetRequiredService<IOptions<NotificationOptions>>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<JobRunRecorder>>()), []);

        quartz.AddJobType<RecomputeEstimatesJob>();
        quartz.AddJobType<ScheduledReportJob>();
        // Housekeeping: repeating triggers whose missed repetitions are skipped (NextWithRemainingCount), never
        // replayed in a burst after downtime.
        AddRepeating<ScheduleSyncJob>(quartz, JobNames.ScheduleSync, worker.ScheduleSyncInterval, "Synchronise la planification avec les protocoles enregistrés");
        AddRepeating<DataChangeWatchJob>(quartz, JobNames.DataWatch, worker.DataChangePollInterval, "Surveille les imports et demande les recalculs");
        AddRepeating<OutboxDeliveryJob>(quartz, JobNames.OutboxDelivery, notifications.DeliveryInterval, "Envoie les notifications par SMTP");

        if (TimeZoneInfo.TryFindSystemTimeZoneById(worker.TimeZone, out var local))
            AddCampaignJobs(quartz, worker, local);

        // Nightly purge of old history; a missed night is caught up once (FireAndProceed).
        const string cleanup = "Purge l'historique des tâches et des notifications anciennes";
        quartz.AddJob<HistoryCleanupJob>(job => job.WithIdentity(JobNames.HistoryCleanup).WithDescription(cleanup).StoreDurably());
        if (CronExpression.TryParse(worker.HistoryCleanupCron, out _) && TimeZoneInfo.TryFindSystemTimeZoneById(worker.TimeZone, out var zone))
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(JobNames.HistoryCleanup.Name, JobNames.HistoryCleanup.Group)
                .ForJob(JobNames.HistoryCleanup)
                .WithDescription(cleanup)
                .WithCronSchedule(worker.HistoryCleanupCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }

    /// <summary>
    /// Campaign lifecycle (daily, just after midnight) and reminders (every morning, one job per school-holiday zone,
    /// each trigger skipping the days its Quartz calendar excludes). Both catch up once after downtime
    /// (FireAndProceed): the campaign dates, not the firing, decide what is due.
    /// </summary>
    private static void AddCampaignJobs(IQuartzBuilder quartz, WorkerOptions worker, TimeZoneInfo zone)
    {
        quartz.AddCalendar(SchoolHolidays.WeekendsCalendarName, SchoolHolidays.Weekends(zone), AddCalendarOptions.ReplacingAndUpdatingTriggers);
        foreach (var holidayZone in SchoolHolidays.Zones)
            quartz.AddCalendar(SchoolHolidays.CalendarName(holidayZone), SchoolHolidays.Calendar(holidayZone, zone), AddCalendarOptions.ReplacingAndUpdatingTriggers);

        const string lifecycle = "Ouvre, clôt et verrouille les campagnes à leurs dates";
        quartz.AddJob<CampaignLifecycleJob>(job => job.WithIdentity(JobNames.CampaignLifecycle).WithDescription(lifecycle).StoreDurably().RequestRecovery());
        if (CronExpression.TryParse(worker.CampaignLifecycleCron, out _))
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(JobNames.CampaignLifecycle.Name, JobNames.CampaignLifecycle.Group)
                .ForJob(JobNames.CampaignLifecycle)
                .WithDescription(lifecycle)
                .WithCronSchedule(worker.CampaignLifecycleCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

        // Consolidation of national campaigns: no schedule of its own, the lifecycle pass fires it per campaign closed.
        quartz.AddJob<CampaignConsolidationJob>(job => job.WithIdentity(JobNames.CampaignConsolidation)
            .WithDescription("Consolide les campagnes nationales closes et produit leur synthèse").StoreDurably().RequestRecovery());

        foreach (char? holidayZone in new char?[] { null, 'A', 'B', 'C' })
        {
            var key = JobNames.CampaignReminders(holidayZone);
            quartz.AddJob<CampaignReminderJob>(job =>
            {
                job.WithIdentity(key).WithDescription("Rappels des campagnes" + (holidayZone is { } z ? $" (zone {z})" : " (territoires sans zone)")).StoreDurably().RequestRecovery();
                if (holidayZone is { } value) job.UsingJobData(CampaignReminderJob.ZoneKey, value.ToString());
            });
            if (CronExpression.TryParse(worker.ReminderCron, out _))
                quartz.AddTrigger(trigger => CampaignTriggers.Reminder(trigger, holidayZone, worker.ReminderCron, zone));
        }
    }

    private static void AddRepeating<TJob>(IQuartzBuilder quartz, JobKey key, TimeSpan interval, string description) where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key).WithDescription(description).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .WithDescription(description)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(10))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    /// <summary>
    /// On SQLite the schedule lives in its own file next to the store (scheduler.db): the scheduler's frequent small
    /// transactions never wait behind a long import, and the evaluation data stays one file to back up.
    /// </summary>
    public static string SchedulerSqliteConnectionString(StoreOptions store)
    {
        var storeFile = new SqliteConnectionStringBuilder(store.EffectiveConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(storeFile)) ?? Path.GetFullPath(store.DataDirectory);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "scheduler.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    private static void AddConfigurationSources(IConfigurationManager configuration)
    {
        // Defaults first (lowest priority), then the CLI's sources just before the command line, which stays last.
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("urls", DefaultUrl)] });
        var commandLine = configuration.Sources.ToList().FindIndex(s => s is CommandLineConfigurationSource);
        var position = commandLine < 0 ? configuration.Sources.Count : commandLine;
        var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = "impacteval.json", Optional = true, ReloadOnChange = false };
        json.ResolveFileProvider();
        configuration.Sources.Insert(position, json);
        configuration.Sources.Insert(position + 1, new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix = "IMPACTEVAL_" });
    }
}
