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
            Directory.CreateDirectory(options.DataDirectory);
            return builder.UseSqlite(options.EffectiveConnectionString, sqlite => sqlite.CommandTimeout(120));
        }
        return builder.UseNpgsql(options.EffectiveConnectionString, npgsql => npgsql.CommandTimeout(120));
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
