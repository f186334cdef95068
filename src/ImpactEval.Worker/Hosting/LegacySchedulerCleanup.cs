using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Hosting;

/// <summary>
/// Removes what the Quartz.NET scheduler of earlier versions left behind, at start: on PostgreSQL its eleven
/// <c>qrtz_*</c> tables in the store's database (they were never part of the store's versioned schema: Quartz created
/// them itself), on SQLite its file <c>scheduler.db</c> next to the store. Hangfire rebuilds the schedule from the
/// registered protocols; the history (<c>job_runs</c>) is the store's and stays. Idempotent; on PostgreSQL serialised
/// by an advisory lock so that nodes starting together do not drop concurrently.
/// </summary>
public sealed class LegacySchedulerCleanup(IDbContextFactory<ImpactEvalDbContext> contexts, IOptions<StoreOptions> store, ILogger<LegacySchedulerCleanup> logger) : IHostedService
{
    /// <summary>Drops the tables of Quartz.NET's ADO job store (tables_postgres.sql of Quartz 3 and 4).</summary>
    private const string DropTables =
        "DROP TABLE IF EXISTS qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_locks, qrtz_simple_triggers, " +
        "qrtz_simprop_triggers, qrtz_cron_triggers, qrtz_blob_triggers, qrtz_triggers, qrtz_job_details, qrtz_calendars CASCADE";

    /// <summary>The file name of Quartz's SQLite schedule.</summary>
    public const string SqliteFileName = "scheduler.db";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Value.Provider == StoreProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetDirectoryName(JobStorageFactory.SqlitePath(store.Value))!, SqliteFileName);
            if (!File.Exists(path)) return;
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }) File.Delete(file);
            logger.LogInformation("Removed the Quartz.NET schedule {Path} (the schedule is now Hangfire's, {File})", path, JobStorageFactory.SqliteFileName);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ExclusiveRuns.Key("legacy-scheduler-cleanup")})", cancellationToken);
        var present = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'qrtz\\_%'").ToListAsync(cancellationToken);
        if (present.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(DropTables, cancellationToken);
            logger.LogInformation("Dropped the Quartz.NET tables {Tables} (the schedule is now Hangfire's, schema {Schema})", string.Join(", ", present), JobStorageFactory.PostgreSqlSchema);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
