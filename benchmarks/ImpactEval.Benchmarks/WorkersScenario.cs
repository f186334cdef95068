using System.Diagnostics;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Worker.Extensions;
using ImpactEval.Worker.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// <c>workers [--workers 4] [--jobs 1000] [--protocols 50]</c>: N worker nodes (Hangfire servers, composed exactly as the
/// service, <c>Worker:MaxConcurrency</c> 4 each) sharing one PostgreSQL store; 1,000 recomputation runs spread over 50
/// protocols (cités) are enqueued at once, and the scenario measures the time until every one has run, the throughput,
/// each node's share, and checks that each run happened exactly once (job_runs against Hangfire's job ids). The
/// protocols have no participants yet: each run reads its protocol and finds nothing to estimate, so the figure is the
/// cost of the machinery (queue, history, exclusive runs), not of the statistics.
/// </summary>
/// <remarks>
/// The nodes run in this process (one Hangfire server each, as separate processes would). The database is created on
/// <see cref="BenchPostgres"/> ($IMPACTEVAL_BENCH_POSTGRES, else a throwaway cluster) and dropped at the end.
/// </remarks>
public static class WorkersScenario
{
    /// <summary>Runs the scenario.</summary>
    public static int Run(string[] args)
    {
        var workers = IntOption(args, "--workers", 4);
        var jobs = IntOption(args, "--jobs", 1000);
        var protocols = IntOption(args, "--protocols", 50);
        var admin = BenchPostgres.AdminConnectionString;
        var database = $"impacteval_bench_{Environment.ProcessId}";
        var root = Path.Combine(Path.GetTempPath(), $"impacteval-bench-{Environment.ProcessId}");
        BenchPostgres.Admin(admin, $"CREATE DATABASE {database}");
        try
        {
            var options = new StoreOptions
            {
                Provider = StoreProvider.PostgreSql, DataDirectory = root,
                ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 200 }.ConnectionString,
            };
            return RunAsync(workers, jobs, protocols, options).GetAwaiter().GetResult();
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            BenchPostgres.Admin(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> RunAsync(int workers, int jobs, int protocols, StoreOptions options)
    {
        var codes = Enumerable.Range(1, protocols).Select(i => $"bench-{i:000}").ToList();
        await using (var db = await Store.OpenCurrentAsync(options))
            foreach (var code in codes)
            {
                var loaded = ProtocolLoader.Load(ImportScenario.ProtocolYaml.Replace("id: bench-assiduite", $"id: {code}", StringComparison.Ordinal), $"{code}.yaml");
                await new ProtocolRegistry(db).RegisterAsync(loaded, $"{code}.yaml", "bench");
            }

        var nodes = new List<WebApplication>();
        try
        {
            for (var i = 1; i <= workers; i++) nodes.Add(await StartAsync(options, $"node-{i}"));
            await Task.Delay(TimeSpan.FromSeconds(3)); // every server registered and polling
            var requests = nodes[0].Services.GetRequiredService<JobRequests>();
            var enqueue = Stopwatch.StartNew();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < jobs; i++)
                ids.Add(requests.Enqueue(JobCatalog.JobOf(JobCatalog.Recompute(codes[i % codes.Count]))!, $"bench.run-{i:0000}"));
            var enqueued = enqueue.Elapsed;

            List<JobRun> runs;
            while (true)
            {
                await using var db = Store.Open(options);
                runs = await db.JobRuns.AsNoTracking().Where(r => r.Trigger.StartsWith("bench.") && r.EndedAt != null).ToListAsync();
                if (runs.Count >= jobs || enqueue.Elapsed > TimeSpan.FromMinutes(10)) break;
                await Task.Delay(100);
            }
            var total = enqueue.Elapsed;
            var once = runs.GroupBy(r => r.FireInstanceId).All(g => g.Count() == 1) && runs.Select(r => r.FireInstanceId).ToHashSet().SetEquals(ids);
            Console.WriteLine($"data: {jobs:N0} recomputation runs over {protocols} protocols, {workers} node(s) × 4 Hangfire workers, PostgreSQL store and Hangfire schema");
            Console.WriteLine($"enqueue: {enqueued.TotalSeconds:F2} s ({jobs / enqueued.TotalSeconds:N0} jobs/s, one client)");
            Console.WriteLine($"all run in {total.TotalSeconds:F1} s from the first enqueue: {jobs / total.TotalSeconds:N0} jobs/s");
            Console.WriteLine($"per node: {string.Join(", ", runs.GroupBy(r => r.Node).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"))}");
            Console.WriteLine($"each exactly once: {(once ? "yes" : "NO")} ({runs.Count} runs recorded, {ids.Count} jobs enqueued)");
            return once ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.StopAsync();
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<WebApplication> StartAsync(StoreOptions options, string name)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args =
            [
                "--urls", "http://127.0.0.1:0", $"--Store:Provider={options.Provider}", $"--Store:DataDirectory={options.DataDirectory}",
                $"--Store:ConnectionString={options.ConnectionString}", $"--Worker:InstanceId={name}", "--Access:BootstrapAdministrator=false",
                "--Worker:RecomputeQuietPeriod=01:00:00", "--Worker:RecomputeMaxDelay=01:00:00", "--Logging:LogLevel:Default=Warning",
            ],
            EnvironmentName = "Production",
        });
        builder.AddApplicationServices();
        var app = builder.Build();
        app.MapApplicationEndpoints();
        await app.StartAsync();
        return app;
    }
}
