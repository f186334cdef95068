using System.Net;
using System.Net.Sockets;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace ImpactEval.Data.Tests;

/// <summary>
/// Break 14 of issue 10: database errors reached users as the provider's English text (EF Core's "An error occurred
/// while saving the entity changes", PostgreSQL's "23505: duplicate key value…"). Each error is provoked for real here,
/// and its explanation must be French, say what to do, and carry none of the English text.
/// </summary>
public class StoreErrorsTests
{
    private static async Task<string> DescribeAsync(Func<Task> action)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(action);
        var text = StoreErrors.Describe(error);
        Assert.NotNull(text);
        for (var e = error; e is not null; e = e.InnerException) Assert.DoesNotContain(e.Message, text);
        Assert.DoesNotContain("error", text, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    // Two processes create the same thing at the same moment: the loser hits the unique index.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Describe_UniqueViolation_SaysAnotherOperationWroteItAndToRetry(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        db.Territories.Add(new Territory { Code = "CE-999-01", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        await using var other = await store.OpenAsync();
        other.Territories.Add(new Territory { Code = "CE-999-01", CreatedAt = DateTime.UtcNow });

        var text = await DescribeAsync(() => other.SaveChangesAsync());

        Assert.StartsWith("Une autre opération a enregistré les mêmes données au même moment", text);
        Assert.Contains("Relancez la commande", text);
    }

    [Fact]
    public async Task Describe_PostgreSqlNotListening_SaysToCheckTheServerAndConnectionString()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = $"Host=127.0.0.1;Port={port};Username=x;Database=x;Timeout=5" };

        var text = await DescribeAsync(() => Store.OpenCurrentAsync(options));

        Assert.StartsWith("Impossible de joindre le serveur PostgreSQL\u202F: vérifiez qu’il est démarré", text);
    }

    [Fact]
    public async Task Describe_PostgreSqlDatabaseMissing_SaysToCreateIt()
    {
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = "impacteval_absente" };
        var options = new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = connection.ConnectionString };
        await using var db = Store.Open(options);

        var text = await DescribeAsync(() => db.Territories.CountAsync());

        Assert.Contains("n’existe pas\u202F: créez-la", text);
    }

    // An import of the same protocol holds the lock longer than the command timeout.
    [Fact]
    public async Task Describe_PostgreSqlLockWaitTimesOut_SaysTheStoreIsBusy()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await using var holder = await store.OpenAsync();
        await using var held = await holder.Database.BeginTransactionAsync();
        await StoreLock.TakeAsync(holder, StoreLock.Protocol, 1);
        await using var waiting = await store.OpenAsync();
        waiting.Database.SetCommandTimeout(1);
        await using var transaction = await waiting.Database.BeginTransactionAsync();

        var text = await DescribeAsync(() => StoreLock.TakeAsync(waiting, StoreLock.Protocol, 1));

        Assert.StartsWith("La base de données n’a pas répondu à temps", text);
    }

    // Another process writes to the SQLite file for longer than the busy timeout: "database is locked".
    [Fact]
    public async Task Describe_SqliteLockedByAnotherWriter_SaysToWaitAndRetry()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var _ = await store.OpenAsync()) { }
        var path = Path.Combine(store.Options.DataDirectory, "impacteval.db");
        await using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        await holder.OpenAsync();
        await using var write = holder.BeginTransaction(deferred: false);
        var impatient = new StoreOptions { DataDirectory = store.Options.DataDirectory, ConnectionString = $"Data Source={path};Pooling=False;Default Timeout=1" };
        await using var db = Store.Open(impatient);
        db.Database.SetCommandTimeout(1);
        db.Territories.Add(new Territory { Code = "CE-999-01", CreatedAt = DateTime.UtcNow });

        var text = await DescribeAsync(() => db.SaveChangesAsync());

        Assert.StartsWith("La base SQLite est verrouillée par une autre opération", text);
    }

    [Fact]
    public async Task Describe_SqliteOpenedReadOnly_SaysToCheckTheRights()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var _ = await store.OpenAsync()) { }
        var path = Path.Combine(store.Options.DataDirectory, "impacteval.db");
        await using var db = Store.Open(new StoreOptions { DataDirectory = store.Options.DataDirectory, ConnectionString = $"Data Source={path};Mode=ReadOnly;Pooling=False" });
        db.Territories.Add(new Territory { Code = "CE-999-01", CreatedAt = DateTime.UtcNow });

        var text = await DescribeAsync(() => db.SaveChangesAsync());

        Assert.StartsWith("La base SQLite est en lecture seule", text);
    }

    // The disk fills up under the SQLite file (simulated by capping the file's page count).
    [Fact]
    public async Task Describe_SqliteDiskFull_SaysToFreeSpace()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = await store.OpenAsync();
        await db.Database.OpenConnectionAsync();
        var pages = await db.Database.SqlQueryRaw<long>("SELECT page_count AS \"Value\" FROM pragma_page_count()").SingleAsync();
        var cap = "PRAGMA max_page_count = " + pages;
        await db.Database.ExecuteSqlRawAsync(cap);
        for (var i = 0; i < 200; i++) db.Territories.Add(new Territory { Code = $"CE-999-{i:000}", Name = new string('x', 2000), CreatedAt = DateTime.UtcNow });

        var text = await DescribeAsync(() => db.SaveChangesAsync());

        Assert.StartsWith("Le disque de la base de données est plein", text);
    }

    [Fact]
    public void Describe_NotADatabaseError_IsNull() => Assert.Null(StoreErrors.Describe(new InvalidOperationException("x", new IOException())));
}
