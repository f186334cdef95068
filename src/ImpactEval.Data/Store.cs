using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Data;

/// <summary>Builds contexts for the configured store; the one place where SQLite and PostgreSQL differ.</summary>
public static class Store
{
    /// <summary>Configures EF Core for the chosen provider.</summary>
    /// <param name="builder">The options builder to configure.</param>
    /// <param name="options">Where the store lives.</param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StoreOptions options)
    {
        if (options.Provider == StoreProvider.Sqlite)
        {
            PrivateFile.CreateDirectory(options.DataDirectory);
            CreatePrivateDatabaseFile(options.EffectiveConnectionString);
            return builder.UseSqlite(options.EffectiveConnectionString, sqlite => sqlite.CommandTimeout(120)).AddInterceptors(SqliteConnectionSetup.Instance);
        }
        return builder.UseNpgsql(options.EffectiveConnectionString, npgsql => npgsql.CommandTimeout(120));
    }

    /// <summary>
    /// Creates the SQLite database file empty with mode 0600 before SQLite opens it, so that the file — and its WAL and
    /// shared-memory files, which SQLite creates with the database file's mode — are readable by the service account only.
    /// An existing file keeps its mode; an in-memory database has no file.
    /// </summary>
    private static void CreatePrivateDatabaseFile(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly || sqlite.DataSource is "" or ":memory:" || sqlite.DataSource.StartsWith("file:", StringComparison.Ordinal)) return;
        var path = Path.GetFullPath(sqlite.DataSource);
        PrivateFile.CreateDirectory(Path.GetDirectoryName(path)!);
        PrivateFile.CreateEmpty(path);
    }

    /// <summary>Creates a standalone context (for the CLI, tests and benchmarks; the worker uses a pooled factory).</summary>
    /// <param name="options">Where the store lives.</param>
    public static ImpactEvalDbContext Open(StoreOptions options)
    {
        var builder = new DbContextOptionsBuilder<ImpactEvalDbContext>();
        Configure(builder, options);
        return new ImpactEvalDbContext(builder.Options);
    }

    /// <summary>Opens the store and brings its schema to the current version (creating it on first use).</summary>
    /// <param name="options">Where the store lives.</param>
    /// <param name="cancellationToken">Cancels the schema work.</param>
    public static async Task<ImpactEvalDbContext> OpenCurrentAsync(StoreOptions options, CancellationToken cancellationToken = default)
    {
        var db = Open(options);
        await StoreSchema.EnsureCurrentAsync(db, cancellationToken);
        return db;
    }
}
