using ImpactEval.Data;
using ImpactEval.Worker.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactEval.Web.Tests.Support;

/// <summary>
/// The real host — the worker composed exactly as its Program.cs composes it (worker services, then the web
/// application, then the same endpoints) — in the test process, listening on a loopback port chosen by the system.
/// </summary>
public sealed class WebHost : IAsyncDisposable
{
    private WebHost(WebApplication app, Uri url)
    {
        App = app;
        Url = url;
    }

    /// <summary>The running application (its services and endpoint data source).</summary>
    public WebApplication App { get; }

    /// <summary>The HTTP address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url { get; }

    /// <summary>Starts the host on <paramref name="store"/> with extra settings ("Web:SignInAttemptsPerMinute" → "3").</summary>
    public static async Task<WebHost> StartAsync(StoreOptions store, IReadOnlyDictionary<string, string>? settings = null)
    {
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--Store:Provider={store.Provider}",
            $"--Store:DataDirectory={store.DataDirectory}",
            $"--Worker:InstanceId=web-tests-{Guid.NewGuid().ToString("N")[..8]}",
            "--Access:BootstrapAdministrator=false",
            "--Logging:LogLevel:Default=Warning",
        };
        if (store.ConnectionString is { } connection) args.Add($"--Store:ConnectionString={connection}");
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args], ContentRootPath = store.DataDirectory, EnvironmentName = "Production" });
        builder.AddApplicationServices();
        var app = builder.Build();
        app.MapApplicationEndpoints();
        await app.StartAsync();
        return new WebHost(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    /// <summary>Runs <paramref name="work"/> with a service scope of the host.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
