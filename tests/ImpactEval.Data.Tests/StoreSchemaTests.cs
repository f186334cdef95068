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
        var name = $"v{StoreSchema.CurrentVersion}.{(provider == StoreProvider.Sqlite ? "sqlite" : "postgresql")}.sql";
        var path = Path.Combine(RepositoryRoot(), "src", "ImpactEval.Data", "Schema", name);

        if (Environment.GetEnvironmentVariable("IMPACTEVAL_UPDATE_SCHEMA") == "1") File.WriteAllText(path, script);

        Assert.True(File.Exists(path), $"Snapshot manquant : {path}");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), script);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ImpactEval.sln not found above the test directory.");
    }
}
