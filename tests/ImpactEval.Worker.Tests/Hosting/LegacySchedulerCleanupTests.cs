using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Worker.Tests.Hosting;

public class LegacySchedulerCleanupTests
{
    // A cluster upgraded from the Quartz.NET worker still has Quartz's eleven qrtz_* tables (with their foreign keys) in
    // the store's database: the first start of the Hangfire worker drops them, leaves the store's own tables and the
    // job history alone, and keeps Hangfire's tables in their own schema. A second start finds nothing to do.
    [Fact]
    public async Task Start_PostgreSqlWithQuartzTables_DropsThemKeepsTheStore()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await Stores.RegisterProtocolsAsync(store, "cite-a");
        await using (var db = Stores.Open(store))
        {
            // The shape of Quartz's tables_postgres.sql, cut to the keys: enough to need CASCADE in the right order.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE qrtz_job_details (sched_name text, job_name text, job_group text, PRIMARY KEY (sched_name, job_name, job_group));
                CREATE TABLE qrtz_triggers (sched_name text, trigger_name text, trigger_group text, job_name text, job_group text,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
                CREATE TABLE qrtz_cron_triggers (sched_name text, trigger_name text, trigger_group text,
                    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group));
                CREATE TABLE qrtz_simple_triggers (sched_name text);
                CREATE TABLE qrtz_simprop_triggers (sched_name text);
                CREATE TABLE qrtz_blob_triggers (sched_name text);
                CREATE TABLE qrtz_calendars (sched_name text);
                CREATE TABLE qrtz_paused_trigger_grps (sched_name text);
                CREATE TABLE qrtz_fired_triggers (sched_name text);
                CREATE TABLE qrtz_scheduler_state (sched_name text);
                CREATE TABLE qrtz_locks (sched_name text, lock_name text);
                INSERT INTO qrtz_job_details VALUES ('ImpactEval', 'cite-a', 'recompute');
                """);
        }

        await (await InProcessWorker.StartAsync(store.Options)).DisposeAsync();
        await (await InProcessWorker.StartAsync(store.Options)).DisposeAsync();

        await using var check = Stores.Open(store);
        var tables = await check.Database.SqlQueryRaw<string>(
            "SELECT table_schema || '.' || table_name AS \"Value\" FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')").ToListAsync();
        Assert.DoesNotContain(tables, t => t.Contains(".qrtz_", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.EndsWith(".job_runs", StringComparison.Ordinal));
        Assert.Contains("hangfire.job", tables);
        Assert.Equal(1, await check.Protocols.CountAsync());
    }

    // A CPO's laptop upgraded from the Quartz.NET worker has data/scheduler.db (and its WAL) beside the store: the first
    // start removes them; the store and Hangfire's own file stay.
    [Fact]
    public async Task Start_SqliteWithQuartzFile_RemovesIt()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var directory = Path.GetDirectoryName(Worker.Hosting.JobStorageFactory.SqlitePath(store.Options))!;
        var quartz = Path.Combine(directory, "scheduler.db");
        await File.WriteAllTextAsync(quartz, "SQLite format 3");
        await File.WriteAllTextAsync(quartz + "-wal", "");

        await (await InProcessWorker.StartAsync(store.Options)).DisposeAsync();

        Assert.False(File.Exists(quartz));
        Assert.False(File.Exists(quartz + "-wal"));
        Assert.True(File.Exists(Path.Combine(directory, "hangfire.db")));
        await using var db = Stores.Open(store);
        Assert.Equal(0, await db.JobRuns.CountAsync(r => r.Status == Data.Entities.JobRunState.Failed));
    }
}
