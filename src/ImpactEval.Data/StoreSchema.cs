using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ImpactEval.Data;

/// <summary>
/// Creates and upgrades the store's schema at start-up, without EF design-time tools (not obtainable here).
/// </summary>
/// <remarks>
/// The table <c>schema_version</c> records the schema version of the database. A new database gets the
/// tables of the current model (EF's own DDL for the provider; on PostgreSQL followed by the triggers of
/// <c>Schema/Upgrades/v6.postgresql.sql</c> that replace the observations' foreign keys) and version <see cref="CurrentVersion"/>.
/// An older database is upgraded by the hand-written steps of <see cref="Upgrades"/>, one version at a
/// time, each in a transaction. The DDL of every released version is committed under
/// <c>src/ImpactEval.Data/Schema/</c>; a test fails when the model changes without a new version, and
/// another builds a database from the previous version's script and upgrades it.
/// On PostgreSQL an advisory lock makes concurrent starts of several workers safe.
/// </remarks>
public static class StoreSchema
{
    /// <summary>The schema version this build of ImpactEval expects.</summary>
    public const int CurrentVersion = 7;

    /// <summary>Upgrade steps: the SQL that takes version <c>n − 1</c> to version <c>n</c>, keyed by <c>n</c>.</summary>
    /// <remarks>Each step is the embedded script <c>Schema/Upgrades/v{n}.{provider}.sql</c>.</remarks>
    public static readonly IReadOnlyDictionary<int, Func<StoreProvider, string>> Upgrades = new Dictionary<int, Func<StoreProvider, string>>
    {
        [2] = provider => UpgradeScript(2, provider), // API accounts and their cités
        [3] = provider => UpgradeScript(3, provider), // participants' fold keys, tombstones of erased participants
        [4] = provider => UpgradeScript(4, provider), // web application: users (ASP.NET Core Identity), their cités, the key ring
        [5] = provider => UpgradeScript(5, provider), // territory registry (régions, départements, cités' label year and lists), submissions
        [6] = provider => UpgradeScript(6, provider), // PostgreSQL: observations' references checked once per import (triggers instead of foreign keys)
        [7] = provider => UpgradeScript(7, provider), // the evaluability verdict of each protocol version, the synthetic-data mark of imports
    };

    private const long AdvisoryLockKey = 0x1A9AC7E7A1;

    /// <summary>Which provider a context uses.</summary>
    public static StoreProvider ProviderOf(DbContext db) =>
        db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? StoreProvider.PostgreSql : StoreProvider.Sqlite;

    /// <summary>Creates the schema when the database is new, upgrades it when it is older, refuses when it is newer.</summary>
    public static async Task EnsureCurrentAsync(ImpactEvalDbContext db, CancellationToken cancellationToken = default)
    {
        var provider = ProviderOf(db);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken)) await creator.CreateAsync(cancellationToken);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (provider == StoreProvider.PostgreSql)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            else
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at VARCHAR(40) NOT NULL)", cancellationToken);
                var version = await ReadVersionAsync(db, cancellationToken);
                if (version == 0)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await creator.CreateTablesAsync(cancellationToken);
                    // What the model cannot express: on PostgreSQL, the observations' references are checked by triggers
                    // (once per import for bulk writes) instead of per-row foreign keys — the same script as the v6 step.
                    if (provider == StoreProvider.PostgreSql) await db.Database.ExecuteSqlRawAsync(ObservationReferencesScript, cancellationToken);
                    await RecordVersionAsync(db, CurrentVersion, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return;
                }
                if (version > CurrentVersion)
                    throw new InvalidOperationException(
                        $"La base de données est au schéma v{version}, plus récent que celui de cette version d'ImpactEval (v{CurrentVersion}). Mettez ImpactEval à jour.");
                for (var next = version + 1; next <= CurrentVersion; next++)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await db.Database.ExecuteSqlRawAsync(Upgrades[next](provider), cancellationToken);
                    await RecordVersionAsync(db, next, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (provider == StoreProvider.PostgreSql)
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The PostgreSQL triggers that replace the observations' foreign keys (Schema/Upgrades/v6.postgresql.sql).</summary>
    private static string ObservationReferencesScript => UpgradeScript(6, StoreProvider.PostgreSql);

    private static string UpgradeScript(int version, StoreProvider provider)
    {
        var name = $"ImpactEval.Data.Schema.Upgrades.v{version}.{(provider == StoreProvider.Sqlite ? "sqlite" : "postgresql")}.sql";
        using var stream = typeof(StoreSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Upgrade script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The schema version recorded in the database, 0 when none.</summary>
    public static async Task<int> ReadVersionAsync(ImpactEvalDbContext db, CancellationToken cancellationToken = default)
    {
        var versions = await db.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_version").ToListAsync(cancellationToken);
        return versions.Count == 0 ? 0 : versions.Max();
    }

    /// <summary>The DDL EF generates for the current model on this context's provider (what the snapshot files hold).</summary>
    public static string CreateScript(ImpactEvalDbContext db) => db.Database.GenerateCreateScript();

    private static Task RecordVersionAsync(ImpactEvalDbContext db, int version, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({version}, {DateTime.UtcNow.ToString("O")})", cancellationToken);
}
