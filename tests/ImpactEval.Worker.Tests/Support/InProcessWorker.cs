using System.Net.Http.Headers;
using ImpactEval.Data;
using ImpactEval.Worker.Extensions;
using Microsoft.AspNetCore.Builder;

namespace ImpactEval.Worker.Tests.Support;

/// <summary>
/// The worker hosted in the test process, composed exactly as Program.cs composes it (AddApplicationServices, then
/// the same endpoints), listening on a loopback port chosen by the system. Quicker than a child process for tests that
/// are about the HTTP API rather than the process's life.
/// </summary>
public sealed class InProcessWorker : IAsyncDisposable
{
    private readonly WebApplication app;

    private InProcessWorker(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The HTTP address.</summary>
    public Uri Url { get; }

    /// <summary>The host's services (Hangfire's storage, the job requests…).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts the worker on <paramref name="store"/> with extra settings ("Access:BootstrapAdministrator" → "false").</summary>
    public static async Task<InProcessWorker> StartAsync(StoreOptions store, IReadOnlyDictionary<string, string>? settings = null)
    {
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--Store:Provider={store.Provider}",
            $"--Store:DataDirectory={store.DataDirectory}",
            $"--Worker:InstanceId=in-process-{Guid.NewGuid().ToString("N")[..8]}",
            "--Logging:LogLevel:Default=Warning",
        };
        if (store.ConnectionString is { } connection) args.Add($"--Store:ConnectionString={connection}");
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args], ContentRootPath = store.DataDirectory, EnvironmentName = "Production" });
        builder.AddApplicationServices();
        var app = builder.Build();
        app.MapApplicationEndpoints();
        await app.StartAsync();
        // Once started, the listening address carries the port the system chose.
        return new InProcessWorker(app, new Uri(app.Urls.Single()));
    }

    /// <summary>An HTTP client on the worker, sending <paramref name="key"/> as a Bearer token when given; redirects are
    /// followed unless <paramref name="followRedirects"/> is false.</summary>
    public HttpClient Http(string? key = null, bool followRedirects = true)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
