using ImpactEval.Analysis;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ImpactEval.Web.Tests.Support;

/// <summary>
/// One SQLite store for the page tests, loaded once: the PasserelleS demo in cité CE-999-01 (120 synthetic families, so
/// that a few counts fall below the secrecy threshold) with its estimates, a second protocol "ailleurs" in cité
/// CE-999-02, one web user per role, and the real host serving it. Tests that write use their own families or files.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    /// <summary>The password of every test user (meets the password rules).</summary>
    public const string Password = "Valbrune-2026-essai";

    /// <summary>Users by name: administrateur "admin", national "anct", equipe-cite of CE-999-01 "cpo-a", saisie of CE-999-01 "saisie-a",
    /// partenaire of CE-999-01 "caf-a", equipe-cite of CE-999-02 "cpo-b".</summary>
    public static readonly IReadOnlyDictionary<string, (AccessRole Role, string[] Territories)> Users = new Dictionary<string, (AccessRole, string[])>
    {
        ["admin"] = (AccessRole.Administrator, []),
        ["anct"] = (AccessRole.National, []),
        ["cpo-a"] = (AccessRole.TerritoryTeam, ["CE-999-01"]),
        ["saisie-a"] = (AccessRole.DataEntry, ["CE-999-01"]),
        ["caf-a"] = (AccessRole.Partner, ["CE-999-01"]),
        ["cpo-b"] = (AccessRole.TerritoryTeam, ["CE-999-02"]),
        ["verrou"] = (AccessRole.DataEntry, ["CE-999-01"]),
    };

    /// <summary>API keys by account name: "cle-b" (equipe-cite of CE-999-02), "cle-saisie-a" (saisie of CE-999-01), "cle-a" (equipe-cite of CE-999-01).</summary>
    public Dictionary<string, string> ApiKeys { get; } = [];

    private TestStore? store;

    /// <summary>The store.</summary>
    public TestStore Store => store ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The host.</summary>
    public WebHost Host { get; private set; } = null!;

    /// <summary>The national campaign loaded.</summary>
    public NationalDemoData.Loaded National { get; private set; } = null!;

    /// <summary>The demo loaded.</summary>
    public DemoData.Loaded Demo { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        Demo = await DemoData.LoadAsync(store, families: 120);
        await using (var db = await store.OpenAsync())
        {
            var text = (await File.ReadAllTextAsync(DemoData.ProtocolPath()))
                .Replace("id: passerelles", "id: ailleurs", StringComparison.Ordinal)
                .Replace("code: CE-999-01", "code: CE-999-02", StringComparison.Ordinal);
            var other = await new ProtocolRegistry(db).RegisterAsync(ProtocolLoader.Load(text, "ailleurs.yaml"), "ailleurs.yaml", "tests");
            if (other.Status != RegistrationStatus.Created) throw new InvalidOperationException($"ailleurs: {other.Status}");
            await new EstimateService(db).ComputeAsync("passerelles", "tests");
            foreach (var (name, role, territory) in new[] { ("cle-b", AccessRole.TerritoryTeam, "CE-999-02"), ("cle-saisie-a", AccessRole.DataEntry, "CE-999-01"), ("cle-a", AccessRole.TerritoryTeam, "CE-999-01") })
                ApiKeys[name] = (await new AccountRegistry(db).GrantAsync(name, role, [territory], "tests")).Key!.Text;
        }
        // ANCT's questionnaire campaign (revue de projet) answered by 12 fictitious cités, for the national pages.
        National = await NationalDemoData.LoadAsync(store, cites: 12);
        // Every test of the collection signs in from 127.0.0.1: the sign-in rate limit (20 a minute by default, tested on
        // its own host in SignInTests) would otherwise refuse the test that comes after the twentieth sign-in.
        Host = await WebHost.StartAsync(store.Options, new Dictionary<string, string> { ["Web:SignInAttemptsPerMinute"] = "1000" });
        await Host.WithScopeAsync(async services =>
        {
            var accounts = services.GetRequiredService<UserAccounts>();
            foreach (var (name, (role, territories)) in Users)
            {
                var outcome = await accounts.AddAsync(name, role, territories, Password, "tests");
                if (!outcome.Done) throw new InvalidOperationException($"{name}: {string.Join("; ", outcome.Messages)}");
            }
            return 0;
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (store is not null) await store.DisposeAsync();
    }
}

/// <summary>The tests sharing <see cref="WebFixture"/>; they run one after the other (one browser at a time on two cores).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "web";
}
