using ImpactEval.Collection;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.Common;
using ImpactEval.Data;
using ImpactEval.Web;
using ImpactEval.Worker.Access;
using ImpactEval.Worker.Api;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.Health;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Hosting;
using ImpactEval.Worker.Housekeeping;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Notifications;
using ImpactEval.Worker.Reports;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Extensions;

/// <summary>The composition of the worker: options, store, services, Hangfire and its jobs, in one method.</summary>
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
        // Hangfire logs each housekeeping pass of its storage at Information; its warnings and errors are what matter.
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);

        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        builder.Services.AddOptions<SchoolHolidayOptions>().BindConfiguration(SchoolHolidayOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SchoolHolidayOptions>, SchoolHolidayOptionsValidator>();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.Section);
        builder.Services.AddOptions<Reporting.Pdf.PdfOptions>().BindConfiguration(Reporting.Pdf.PdfOptions.Section);
        // The host waits for Hangfire's graceful stop (running jobs finish within Worker:ShutdownTimeout), plus a margin.
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) => host.ShutdownTimeout = worker.Value.ShutdownTimeout + TimeSpan.FromSeconds(10));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new LocalClock(services.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<WorkerOptions>>().Value.TimeZone)));
        builder.Services.AddSingleton<SchoolHolidays>();
        builder.Services.AddPooledDbContextFactory<ImpactEvalDbContext>((services, db) => Store.Configure(db, services.GetRequiredService<IOptions<StoreOptions>>().Value));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<ImpactEvalDbContext>>().CreateDbContext());
        builder.Services.AddScoped<JobHistory>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddSingleton<SmtpSender>();
        builder.Services.AddSingleton<ContactDirectory>();
        builder.Services.AddScoped<ScheduledReports>();
        builder.Services.AddScoped<CampaignConsolidations>();
        // Registered before Hangfire's server, which starts once the application has started: one worker per SQLite
        // data directory, the schema exists and Quartz's leftovers are gone before the first job runs.
        builder.Services.AddHostedService<SingleNodeGuard>();
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddHostedService<LegacySchedulerCleanup>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store").AddCheck<JobStorageHealthCheck>("scheduler");
        builder.AddApiAccess();
        builder.AddWebApplication();
        builder.AddJobs();
        return builder;
    }

    /// <summary>
    /// Hangfire: its storage (<see cref="JobStorageFactory"/>), the filters every job runs through — one run at a time
    /// per resource, retries with a doubling wait, the French history and the failure notification, the pause of a
    /// recurring job that failed for good — the server with this node's workers, the housekeeping processes, and the
    /// jobs themselves. Everything is registered in this host's services (no Hangfire static state is relied on), so
    /// that several hosts can live in one process (tests).
    /// </summary>
    private static void AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<JobStorage>(provider => JobStorageFactory.Create(
            provider.GetRequiredService<IOptions<StoreOptions>>().Value, provider.GetRequiredService<IOptions<WorkerOptions>>().Value));
        services.AddSingleton<JobActivator>(provider => new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<ExclusiveRuns>();
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton<IJobFilterProvider>(provider =>
        {
            var worker = provider.GetRequiredService<IOptions<WorkerOptions>>().Value;
            var filters = new JobFilterCollection();
            filters.Add(new ExclusiveRunFilter(provider.GetRequiredService<ExclusiveRuns>()), 0);
            filters.Add(provider.GetRequiredService<JobRunRecorder>(), 10);
            filters.Add(new RecurringJobPauses(), 10);
            // Transient failures (database busy, a file being written) are retried with a doubling wait; a job that keeps
            // failing is then recorded as failed and notified (JobRunRecorder), never retried in a loop.
            filters.Add(new AutomaticRetryAttribute
            {
                Attempts = worker.RetryAttempts,
                DelayInSecondsByAttemptFunc = attempt => RetryDelaySeconds(worker, attempt),
                OnAttemptsExceeded = AttemptsExceededAction.Fail,
            });
            return filters;
        });
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((provider, server) =>
        {
            var worker = provider.GetRequiredService<IOptions<WorkerOptions>>().Value;
            server.ServerName = worker.NodeName;
            server.WorkerCount = Math.Max(1, worker.MaxConcurrency);
            server.SchedulePollingInterval = worker.PollInterval;
            server.HeartbeatInterval = worker.HeartbeatInterval;
            server.ServerTimeout = worker.ServerTimeout;
            server.ServerCheckInterval = worker.HeartbeatInterval;
            // A graceful stop (SIGTERM) lets running jobs finish within Worker:ShutdownTimeout; only then are they
            // cancelled (and run again at the next start, or by another node).
            server.StopTimeout = worker.ShutdownTimeout;
            server.ShutdownTimeout = worker.ShutdownTimeout + TimeSpan.FromSeconds(5);
        });

        services.AddScoped<RecomputeEstimatesJob>();
        services.AddScoped<ScheduledReportJob>();
        services.AddScoped<CampaignLifecycleJob>();
        services.AddScoped<CampaignConsolidationJob>();
        services.AddScoped<CampaignReminderJob>();
        services.AddScoped<HistoryCleanupJob>();
        services.AddSingleton<JobRequests>();
        services.AddSingleton<RecurringSchedule>();

        services.AddScoped<ScheduleSync>();
        services.AddScoped<CampaignDateJobs>();
        services.AddScoped<DataChangeWatch>();
        services.AddScoped<OutboxDelivery>();
        services.AddSingleton<Hangfire.Server.IBackgroundProcess>(provider =>
            Housekeeping<ScheduleSync>(provider, ScheduleSync.Name, options => options.ScheduleSyncInterval));
        services.AddSingleton<Hangfire.Server.IBackgroundProcess>(provider =>
            Housekeeping<CampaignDateJobs>(provider, CampaignDateJobs.Name, options => options.ScheduleSyncInterval));
        services.AddSingleton<Hangfire.Server.IBackgroundProcess>(provider =>
            Housekeeping<DataChangeWatch>(provider, DataChangeWatch.Name, options => options.DataChangePollInterval));
        services.AddSingleton<Hangfire.Server.IBackgroundProcess>(provider =>
            Housekeeping<OutboxDelivery>(provider, OutboxDelivery.Name, _ => provider.GetRequiredService<IOptions<NotificationOptions>>().Value.DeliveryInterval));
    }

    /// <summary>Maps every route of the worker: the web application (first: its middleware guards every route), /health,
    /// the jobs API, the data API and the jobs dashboard.</summary>
    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.MapWebApplication();
        app.MapHealthEndpoint();
        app.MapJobsApi();
        app.MapProtocolsApi();
        app.MapJobsDashboard();
        return app;
    }

    /// <summary>The wait before retry <paramref name="attempt"/> (1, 2…): the initial delay doubled each time, at most the maximum; whole seconds.</summary>
    public static int RetryDelaySeconds(WorkerOptions worker, long attempt)
    {
        var seconds = worker.RetryInitialDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        return (int)Math.Ceiling(Math.Max(1, Math.Min(seconds, worker.RetryMaxDelay.TotalSeconds)));
    }

    private static HousekeepingProcess<TTask> Housekeeping<TTask>(IServiceProvider provider, string name, Func<WorkerOptions, TimeSpan> interval)
        where TTask : IHousekeepingTask =>
        new(name, interval(provider.GetRequiredService<IOptions<WorkerOptions>>().Value), provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<ExclusiveRuns>(), provider.GetRequiredService<JobRunRecorder>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TTask>>());

    private static void AddConfigurationSources(IConfigurationManager configuration)
    {
        // Defaults first (lowest priority), then the CLI's sources just before the command line, which stays last.
        // ASP.NET Core logs every request's path at Information: paths name cités, protocols and pseudonyms, so its
        // request logs stay at Warning unless an operator asks for more (no personal data in logs).
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("urls", DefaultUrl), new("Logging:LogLevel:Microsoft.AspNetCore", "Warning")],
        });
        var commandLine = configuration.Sources.ToList().FindIndex(s => s is CommandLineConfigurationSource);
        var position = commandLine < 0 ? configuration.Sources.Count : commandLine;
        var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = "impacteval.json", Optional = true, ReloadOnChange = false };
        json.ResolveFileProvider();
        configuration.Sources.Insert(position, json);
        configuration.Sources.Insert(position + 1, new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix = "IMPACTEVAL_" });
    }
}
