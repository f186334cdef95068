using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Hosting;

namespace ImpactEval.Worker.Tests.Support;

/// <summary>What Hangfire's own storage says about the jobs it ran, read through its monitoring API (after the workers stopped).</summary>
public static class Occurrences
{
    /// <summary>The ids of the succeeded Hangfire jobs whose method is on <paramref name="jobType"/>.</summary>
    public static IReadOnlySet<string> Succeeded(TestStore store, Type jobType)
    {
        Hangfire.JobStorage storage = store.Options.Provider == StoreProvider.Sqlite
            ? new SQLiteStorage(JobStorageFactory.SqlitePath(store.Options))
            : new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(store.Options.ConnectionString!, Options()), Options());
        var monitoring = storage.GetMonitoringApi();
        var count = (int)monitoring.SucceededListCount();
        return monitoring.SucceededJobs(0, Math.Max(1, count)).Where(j => j.Value.Job?.Type == jobType).Select(j => j.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static PostgreSqlStorageOptions Options() => new() { SchemaName = JobStorageFactory.PostgreSqlSchema, PrepareSchemaIfNecessary = false };
}
