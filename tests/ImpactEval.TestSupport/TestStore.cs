using ImpactEval.Data;
using Npgsql;
using Xunit;

namespace ImpactEval.TestSupport;

/// <summary>
/// A fresh, empty store on a real database for one test: a temporary SQLite file, or a new database on the
/// test PostgreSQL server. Disposing deletes it.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(StoreOptions options, string? databaseName)
    {
        Options = options;
        DatabaseName = databaseName;
    }

    /// <summary>The providers every storage test runs against (xunit MemberData).</summary>
    public static TheoryData<StoreProvider> Providers => new() { StoreProvider.Sqlite, StoreProvider.PostgreSql };

    /// <summary>Options pointing at this store (its data directory is a fresh temporary directory in both cases).</summary>
    public StoreOptions Options { get; }

    private string? DatabaseName { get; }

    /// <summary>Creates an empty store (no schema yet).</summary>
    public static async Task<TestStore> CreateAsync(StoreProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "impacteval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (provider == StoreProvider.Sqlite)
            return new TestStore(new StoreOptions { Provider = provider, DataDirectory = directory }, null);

        var name = "impacteval_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name };
        return new TestStore(new StoreOptions { Provider = provider, DataDirectory = directory, ConnectionString = builder.ConnectionString }, name);
    }

    /// <summary>Opens a context with the schema brought to the current version.</summary>
    public Task<ImpactEvalDbContext> OpenAsync() => Store.OpenCurrentAsync(Options);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (DatabaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(Options.DataDirectory, recursive: true); } catch (IOException) { }
    }
}
