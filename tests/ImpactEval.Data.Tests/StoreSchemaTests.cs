using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Data.Tests;

public class StoreSchemaTests
{
    // First start of ImpactEval on an empty database: the schema is created and its version recorded.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EnsureCurrent_EmptyDatabase_CreatesSchemaAtCurrentVersion(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();

        Assert.Equal(StoreSchema.CurrentVersion, await StoreSchema.ReadVersionAsync(db));
        db.Territories.Add(new Territory { Code = "CE-999-01", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Territories.CountAsync());
    }

    // Restarting the service (or a second worker starting) must neither recreate nor duplicate anything.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EnsureCurrent_CalledAgain_KeepsDataAndVersion(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var first = await store.OpenAsync())
        {
            first.Territories.Add(new Territory { Code = "CE-999-01", CreatedAt = DateTime.UtcNow });
            await first.SaveChangesAsync();
        }
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => { await using var again = await store.OpenAsync(); }));

        await using var db = await store.OpenAsync();
        Assert.Equal(1, await db.Territories.CountAsync());
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM schema_version").SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EnsureCurrent_DatabaseFromNewerRelease_IsRefusedWithFrenchMessage(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = await store.OpenAsync())
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({StoreSchema.CurrentVersion + 1}, 'later')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.OpenAsync());
        Assert.Contains("plus récent", error.Message);
    }

    /// <summary>Each provider with each earlier schema version a store may still be at.</summary>
    public static TheoryData<StoreProvider, int> EarlierVersions()
    {
        var data = new TheoryData<StoreProvider, int>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
            for (var version = 1; version < StoreSchema.CurrentVersion; version++) data.Add(provider, version);
        return data;
    }

    // A store created by an earlier release (committed DDL of that version) with data in it — a cité and a participant
    // recorded before fold keys existed: the new release upgrades it at start-up, one version after the other, keeps
    // every row (the participant without a fold key, filled at its next appearance in a file), and ends with exactly the
    // schema a new database gets — the same tables, columns, types, nullability and indexes.
    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public async Task EnsureCurrent_DatabaseOfEarlierVersion_UpgradedToTheSchemaOfANewOne(StoreProvider provider, int version)
    {
        await using var old = await TestStore.CreateAsync(provider);
        await using (var raw = Store.Open(old.Options))
        {
            await raw.Database.ExecuteSqlRawAsync(File.ReadAllText(SnapshotPath(version, provider)));
            // A PostgreSQL store created at v6 or later also has what the model cannot express (the observations'
            // reference triggers of the v6 step), applied at creation right after the model's tables.
            if (provider == StoreProvider.PostgreSql && version >= 6) await raw.Database.ExecuteSqlRawAsync(StoreSchema.Upgrades[6](provider));
            await raw.Database.ExecuteSqlRawAsync("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            await raw.Database.ExecuteSqlAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({version}, {"v" + version})");
            var at = provider == StoreProvider.Sqlite ? "'2026-01-05T10:00:00'" : "TIMESTAMPTZ '2026-01-05 10:00:00+00'";
            string[] rows =
            [
                "INSERT INTO territories (\"Code\", \"Name\", \"CreatedAt\") VALUES ('CE-999-01', 'Valbrune', " + at + ")",
                "INSERT INTO participants (\"TerritoryId\", \"Pseudonym\", \"CreatedAt\") SELECT \"Id\", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', " + at + " FROM territories",
            ];
            foreach (var row in rows) await raw.Database.ExecuteSqlRawAsync(row);
        }
        await using var fresh = await TestStore.CreateAsync(provider);

        await using var upgraded = await old.OpenAsync();
        await using var created = await fresh.OpenAsync();

        Assert.Equal(StoreSchema.CurrentVersion, await StoreSchema.ReadVersionAsync(upgraded));
        Assert.Equal("Valbrune", (await upgraded.Territories.SingleAsync()).Name);
        var participant = await upgraded.Participants.SingleAsync();
        Assert.Equal(("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", null), (participant.Pseudonym, participant.FoldKey));
        Assert.Equal(0, await upgraded.ErasedParticipants.CountAsync());
        var expected = await DescribeAsync(created, provider);
        Assert.Contains("accounts.KeyHash", string.Join('\n', expected));
        Assert.Contains("participants.FoldKey", string.Join('\n', expected));
        Assert.Contains("erased_participants.ErasedOn", string.Join('\n', expected));
        Assert.Contains("users.PasswordHash", string.Join('\n', expected));
        Assert.Contains("user_territories.TerritoryId", string.Join('\n', expected));
        Assert.Contains("web_keys.Xml", string.Join('\n', expected));
        // Schema v6: on PostgreSQL the observations' references are triggers, not foreign keys (SQLite keeps its foreign keys).
        Assert.Equal(provider == StoreProvider.PostgreSql, expected.Contains("trigger observations.observations_references INSERT ROW"));
        Assert.Equal(provider == StoreProvider.Sqlite, expected.Any(e => e.StartsWith("foreign key observations.EnrolmentId enrolments", StringComparison.Ordinal)));
        Assert.Equal(expected, await DescribeAsync(upgraded, provider));
    }

    /// <summary>Every column (table, name, type, nullability), index, foreign key and (PostgreSQL) trigger of the store's tables, sorted.</summary>
    private static async Task<List<string>> DescribeAsync(ImpactEvalDbContext db, StoreProvider provider)
    {
        var columns = provider == StoreProvider.Sqlite
            ? "SELECT m.name || '.' || c.name || ' ' || c.type || CASE WHEN c.\"notnull\" = 1 THEN ' not null' ELSE '' END || CASE WHEN c.pk > 0 THEN ' pk' ELSE '' END AS \"Value\" " +
              "FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            : "SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END AS \"Value\" " +
              "FROM information_schema.columns WHERE table_schema = 'public'";
        var indexes = provider == StoreProvider.Sqlite
            ? "SELECT 'index ' || name || ' ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master WHERE type = 'index'"
            : "SELECT 'index ' || indexname || ' ' || indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = 'public'";
        var references = provider == StoreProvider.Sqlite
            ? "SELECT 'foreign key ' || m.name || '.' || f.\"from\" || ' ' || f.\"table\" || ' ' || f.on_delete AS \"Value\" " +
              "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"
            : "SELECT 'foreign key ' || conname || ' ' || pg_get_constraintdef(oid) AS \"Value\" FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace " +
              "UNION ALL SELECT 'trigger ' || event_object_table || '.' || trigger_name || ' ' || event_manipulation || ' ' || action_orientation AS \"Value\" " +
              "FROM information_schema.triggers WHERE trigger_schema = 'public'";
        var rows = await db.Database.SqlQueryRaw<string>(columns).ToListAsync();
        rows.AddRange(await db.Database.SqlQueryRaw<string>(indexes).ToListAsync());
        rows.AddRange(await db.Database.SqlQueryRaw<string>(references).ToListAsync());
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    // The committed DDL of the current version must be exactly what the model generates: changing the model
    // without adding a schema version (and its upgrade step) fails here. Set IMPACTEVAL_UPDATE_SCHEMA=1 to
    // rewrite the snapshot after adding the version.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CreateScript_CurrentModel_MatchesCommittedSnapshot(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = Store.Open(store.Options);
        var script = StoreSchema.CreateScript(db).ReplaceLineEndings("\n");
        var path = SnapshotPath(StoreSchema.CurrentVersion, provider);

        if (Environment.GetEnvironmentVariable("IMPACTEVAL_UPDATE_SCHEMA") == "1") File.WriteAllText(path, script);

        Assert.True(File.Exists(path), $"Snapshot manquant : {path}");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), script);
    }

    private static string SnapshotPath(int version, StoreProvider provider) =>
        Path.Combine(RepositoryRoot(), "src", "ImpactEval.Data", "Schema", $"v{version}.{(provider == StoreProvider.Sqlite ? "sqlite" : "postgresql")}.sql");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ImpactEval.sln not found above the test directory.");
    }
}
