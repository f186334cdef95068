using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>A run asked for by an operator (API or command line) whose process is killed in the middle of it.</summary>
[Collection(ProcessCollection.Name)]
public class ManualRunRecoveryTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Held = new()
    {
        ["Worker:FaultInjectionRecomputeHold"] = "00:00:03",
        ["Worker:RecomputeQuietPeriod"] = "00:10:00", // the demo's imports are not what this test is about
        ["Worker:RecomputeMaxDelay"] = "00:10:00",
        ["Worker:SqliteInvisibilityTimeout"] = "00:00:20", // longer than any run here, even on a loaded machine
        ["Worker:TakeoverTimeout"] = "00:00:03",
    };

    // Issue 10, break 11: a recomputation started with "impacteval jobs trigger" (or POST /api/jobs/…/trigger) and killed
    // mid-run stayed "running" in the history for ever, because the recovered run did not find the original (its
    // scheduled time lost its milliseconds). Now the run is the Hangfire job: the next process runs it again, the
    // original is marked abandoned exactly once, the recovery carries the same trigger and occurrence, nothing stays
    // "running", and the estimates are stored once.
    [Theory]
    [InlineData(StoreProvider.Sqlite, "cli")]
    [InlineData(StoreProvider.PostgreSql, "api")]
    public async Task ManualRecomputation_ProcessKilledMidRun_AbandonedOnceAndRunAgain(StoreProvider provider, string startedBy)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 60);
        string trigger;
        await using (var first = WorkerProcess.Start("node-a", store.Options, Held))
        {
            await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            trigger = startedBy == "api" ? await TriggerByApiAsync(first) : await TriggerByCliAsync(first, store);
            await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.Trigger == trigger && r.Status == JobRunState.Running),
                TimeSpan.FromSeconds(30), "the manual run running", () => first.Tail());
            first.Kill();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        await using var second = WorkerProcess.Start("node-b", store.Options, Held);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        var took = await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.Trigger == trigger && r.Recovering && r.Status == JobRunState.Succeeded),
            TimeSpan.FromSeconds(60), "the recovered manual run", () => second.Tail());
        await Task.Delay(TimeSpan.FromSeconds(2)); // the schedule synchronisation also looks for runs left running

        await using var db = Stores.Open(store);
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Trigger == trigger).OrderBy(r => r.Id).ToListAsync();
        output.WriteLine($"{provider}, started by {startedBy}: recovered {took.TotalSeconds:0.0} s after the restart was healthy\n{await Stores.DescribeRunsAsync(store)}");
        Assert.Equal([JobRunState.Abandoned, JobRunState.Succeeded], runs.Select(r => r.Status));
        Assert.Equal(["node-a", "node-b"], runs.Select(r => r.Node));
        Assert.Equal(runs[0].FireInstanceId, runs[1].FireInstanceId);
        Assert.Equal(runs[0].ScheduledAt, runs[1].ScheduledAt);
        Assert.StartsWith("Le processus qui exécutait cette tâche s’est arrêté brutalement ; elle est reprise par node-b.", runs[0].Error);
        Assert.Equal(0, await db.JobRuns.CountAsync(r => r.Status == JobRunState.Running));
        Assert.Equal(1, await db.EstimateRuns.CountAsync());
    }

    private static async Task<string> TriggerByApiAsync(WorkerProcess worker)
    {
        using var http = worker.Http();
        using var response = await http.PostAsync("api/jobs/recompute/passerelles/trigger", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trigger").GetString()!;
    }

    /// <summary>impacteval jobs trigger, as an operator types it; the run's trigger is read back from the history.</summary>
    private static async Task<string> TriggerByCliAsync(WorkerProcess worker, TestStore store)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = store.Options.DataDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Repository.CliDll, "jobs", "trigger", "recompute.passerelles", "--url", worker.Url.ToString() }) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("IMPACTEVAL_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        start.Environment["IMPACTEVAL_API_KEY"] = worker.AdministratorKey;
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("recompute.passerelles déclenchée", text);
        string? trigger = null;
        await Stores.EventuallyAsync(store, async db => (trigger = await db.JobRuns.Where(r => r.Trigger.StartsWith("manual.recompute.passerelles."))
            .Select(r => r.Trigger).FirstOrDefaultAsync()) is not null, TimeSpan.FromSeconds(30), "the run the command asked for", () => worker.Tail());
        return trigger!;
    }
}
