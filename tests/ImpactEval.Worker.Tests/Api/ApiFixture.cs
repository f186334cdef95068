using ImpactEval.Analysis;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Xunit;

namespace ImpactEval.Worker.Tests.Api;

/// <summary>
/// One store per provider, loaded once for the API tests: the PasserelleS demo (a small cohort of 120 families, so that
/// some counts fall below the threshold) with its estimates computed, a second protocol in another cité (CE-999-02),
/// one account per role, and the worker hosted in-process on it. The tests only read, apart from audit entries, which
/// each test looks up by its own accounts.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly Dictionary<StoreProvider, Task<ApiEnvironment>> environments = [];
    private readonly Lock gate = new();

    /// <summary>The environment of a provider, created at the first call.</summary>
    public Task<ApiEnvironment> ForAsync(StoreProvider provider)
    {
        lock (gate)
        {
            if (!environments.TryGetValue(provider, out var environment))
                environments[provider] = environment = ApiEnvironment.CreateAsync(provider);
            return environment;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var environment in environments.Values)
        {
            try { await (await environment).DisposeAsync(); }
            catch (Exception) when (!environment.IsCompletedSuccessfully) { } // its creation failed: reported by the tests
        }
    }
}

/// <summary>A loaded store, its accounts and the worker serving it.</summary>
public sealed class ApiEnvironment : IAsyncDisposable
{
    /// <summary>The threshold of statistical secrecy the worker publishes with (Worker:ReportSuppressionThreshold's default).</summary>
    public const int Threshold = 5;

    private ApiEnvironment(TestStore store, InProcessWorker worker, IReadOnlyDictionary<string, string> keys)
    {
        Store = store;
        Worker = worker;
        Keys = keys;
    }

    public TestStore Store { get; }

    public InProcessWorker Worker { get; }

    /// <summary>Keys by account name: "admin", "cpo-valbrune" (territory team of CE-999-01), "caf-valbrune" (partner of CE-999-01),
    /// "caf-autre" (partner of CE-999-02 only), "anct" (national), "revoquee" (a revoked partner key of CE-999-01).</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    public static async Task<ApiEnvironment> CreateAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 120);
        var keys = new Dictionary<string, string>();
        await using (var db = await store.OpenAsync())
        {
            var text = (await File.ReadAllTextAsync(DemoData.ProtocolPath()))
                .Replace("id: passerelles", "id: ailleurs", StringComparison.Ordinal)
                .Replace("code: CE-999-01", "code: CE-999-02", StringComparison.Ordinal);
            var other = await new ProtocolRegistry(db).RegisterAsync(ProtocolLoader.Load(text, "ailleurs.yaml"), "ailleurs.yaml", "tests");
            if (other.Status != RegistrationStatus.Created) throw new InvalidOperationException($"ailleurs: {other.Status}");
            await new EstimateService(db).ComputeAsync("passerelles", "tests");

            var registry = new AccountRegistry(db);
            async Task Grant(string name, AccessRole role, params string[] territories) =>
                keys[name] = (await registry.GrantAsync(name, role, territories, "tests")).Key?.Text ?? throw new InvalidOperationException(name);
            await Grant("admin", AccessRole.Administrator);
            await Grant("cpo-valbrune", AccessRole.TerritoryTeam, "CE-999-01");
            await Grant("caf-valbrune", AccessRole.Partner, "CE-999-01");
            await Grant("caf-autre", AccessRole.Partner, "CE-999-02");
            await Grant("anct", AccessRole.National);
            await Grant("revoquee", AccessRole.Partner, "CE-999-01");
            await registry.RevokeAsync("revoquee", "tests");
        }
        // The data watch would only find the demo's imports already estimated; keep it quiet anyway.
        var worker = await InProcessWorker.StartAsync(store.Options, new Dictionary<string, string> { ["Worker:RecomputeQuietPeriod"] = "00:10:00", ["Worker:RecomputeMaxDelay"] = "00:10:00" });
        return new ApiEnvironment(store, worker, keys);
    }

    /// <summary>An HTTP client sending the key of <paramref name="account"/> (null: no key at all).</summary>
    public HttpClient Http(string? account, bool followRedirects = true) => Worker.Http(account is null ? null : Keys[account], followRedirects);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Store.DisposeAsync();
    }
}
