using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using ImpactEval.Data;
using Microsoft.Data.Sqlite;

namespace ImpactEval.Worker.Hosting;

/// <summary>
/// Hangfire's storage, beside the evaluation store: on SQLite its own file <c>&lt;data&gt;/hangfire.db</c> (mode 0600), so
/// that the scheduler's frequent small transactions never queue behind a long import and the evaluation data stays
/// one file; on PostgreSQL the schema <c>hangfire</c> of the store's database, shared by every node of the cluster.
/// </summary>
public static class JobStorageFactory
{
    /// <summary>The PostgreSQL schema of Hangfire's tables.</summary>
    public const string PostgreSqlSchema = "hangfire";

    /// <summary>The file name of Hangfire's SQLite storage.</summary>
    public const string SqliteFileName = "hangfire.db";

    /// <summary>Hangfire's SQLite file for a SQLite store: next to the store's file.</summary>
    public static string SqlitePath(StoreOptions store)
    {
        var storeFile = new SqliteConnectionStringBuilder(store.EffectiveConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(storeFile)) ?? Path.GetFullPath(store.DataDirectory);
        return Path.Combine(directory, SqliteFileName);
    }

    /// <summary>Opens (and on first use creates) the storage for <paramref name="store"/>.</summary>
    /// <param name="store">The evaluation store's settings.</param>
    /// <param name="worker">Polling and takeover settings.</param>
    public static JobStorage Create(StoreOptions store, WorkerOptions worker)
    {
        if (store.Provider == StoreProvider.Sqlite)
        {
            var path = SqlitePath(store);
            CreatePrivate(path);
            return new SQLiteStorage(path, new SQLiteStorageOptions
            {
                QueuePollInterval = worker.PollInterval,
                InvisibilityTimeout = worker.SqliteInvisibilityTimeout,
            });
        }
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgreSqlSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = worker.PollInterval,
            // Renewed every second while a job runs: a job is taken over only from a node silent for this long.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = worker.TakeoverTimeout,
            // Hangfire's own locks (recurring scheduler…) are held for milliseconds; one left by a killed node expires.
            DistributedLockTimeout = worker.TakeoverTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(store.ConnectionString!, options), options);
    }

    /// <summary>
    /// Creates the file readable and writable by the service account only (0600) before SQLite opens it; SQLite
    /// gives its WAL and shared-memory files the mode of the database file.
    /// </summary>
    private static void CreatePrivate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (OperatingSystem.IsWindows())
        {
            if (!File.Exists(path)) File.Create(path).Dispose();
            return;
        }
        const UnixFileMode privateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
            new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = privateMode }).Dispose();
        else if (File.GetUnixFileMode(path) != privateMode)
            File.SetUnixFileMode(path, privateMode);
    }
}
