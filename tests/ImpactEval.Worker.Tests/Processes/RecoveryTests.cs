using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>Crash and stop of a single worker (crash on the embedded SQLite store; stop on both).</summary>
[Collection(ProcessCollection.Name)]
public class RecoveryTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> HeldRecomputation = new()
    {
        ["Worker:FaultInjectionRecomputeHold"] = "00:00:03",
        ["Worker:RecomputeQuietPeriod"] = "00:00:01",
        ["Worker:DataChangePollInterval"] = "00:00:00.500",
        // On SQLite the reservation of a job is not renewed: a job interrupted by a crash is run again this long after it began.
        ["Worker:SqliteInvisibilityTimeout"] = "00:00:20", // longer than any run here, even on a loaded machine
    };

    // The CPO's laptop running "impacteval serve" is switched off in the middle of a recomputation: at the next
    // start the recomputation runs again by itself, and its result is stored once.
    [Fact]
    public async Task RunningRecomputation_ProcessKilledThenRestarted_RunsAgainAndStoresOnce()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await DemoData.LoadAsync(store, families: 60);

        JobRun? running = null;
        await using (var first = WorkerProcess.Start("laptop", store.Options, HeldRecomputation))
        {
            await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            await Stores.EventuallyAsync(store, async db =>
                (running = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobGroup == "recompute" && r.Status == JobRunState.Running)) is not null,
                TimeSpan.FromSeconds(30), "a running recomputation", () => first.Tail());
            first.Kill();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }
        await using (var db = Stores.Open(store))
            Assert.Equal(0, await db.EstimateRuns.CountAsync()); // killed before anything was stored

        await using var second = WorkerProcess.Start("laptop", store.Options, HeldRecomputation);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        var waited = await Stores.EventuallyAsync(store, async db => await db.JobRuns.AnyAsync(r => r.JobGroup == "recompute" && r.Recovering && r.Status == JobRunState.Succeeded),
            TimeSpan.FromSeconds(60), "the recovered recomputation", () => second.Tail());
        output.WriteLine($"recovered run succeeded {waited.TotalSeconds:0.0} s after the restart was healthy");

        await using var check = Stores.Open(store);
        Assert.Equal(JobRunState.Abandoned, (await check.JobRuns.AsNoTracking().SingleAsync(r => r.Id == running!.Id)).Status);
        Assert.Equal(1, await check.EstimateRuns.CountAsync());
        var recomputations = await check.JobRuns.AsNoTracking().Where(r => r.JobGroup == "recompute").OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([JobRunState.Abandoned, JobRunState.Succeeded], recomputations.Select(r => r.Status));
    }

    // The service is stopped for maintenance (systemd sends SIGTERM) while a recomputation runs: the process
    // waits for it to finish, stores the result, and exits cleanly — on either store.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task RunningRecomputation_GracefulStop_WaitsForTheJobThenExits(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 60);
        await using var worker = WorkerProcess.Start("server", store.Options, new Dictionary<string, string>(HeldRecomputation) { ["Worker:ShutdownTimeout"] = "00:00:30" });
        await worker.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.JobGroup == "recompute" && r.Status == JobRunState.Running),
            TimeSpan.FromSeconds(30), "a running recomputation", () => worker.Tail());

        var stopping = DateTime.UtcNow;
        worker.Terminate();
        Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)), worker.Tail());
        var stopTook = DateTime.UtcNow - stopping;
        output.WriteLine($"SIGTERM during a 3 s recomputation: process exited {stopTook.TotalSeconds:0.0} s later with code {worker.ExitCode}");

        Assert.Equal(0, worker.ExitCode);
        await using var db = Stores.Open(store);
        var run = await db.JobRuns.AsNoTracking().SingleAsync(r => r.JobGroup == "recompute");
        Assert.Equal(JobRunState.Succeeded, run.Status);
        Assert.True(DateTime.SpecifyKind(run.EndedAt!.Value, DateTimeKind.Utc) > stopping);
        Assert.Equal(1, await db.EstimateRuns.CountAsync());
    }
}
