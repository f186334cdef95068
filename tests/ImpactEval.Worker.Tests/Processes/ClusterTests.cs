using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>Two worker processes against one real PostgreSQL database (Quartz clustering).</summary>
[Collection(ProcessCollection.Name)]
public class ClusterTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> FastCluster = new()
    {
        ["Worker:ClusterCheckinInterval"] = "00:00:01",
        ["Worker:ClusterCheckinMisfireThreshold"] = "00:00:02",
    };

    // ANCT runs the analyses of every cité on two workers sharing one PostgreSQL: each scheduled recomputation
    // must run once — never on both nodes, never skipped. Here five protocols are recomputed every second on two
    // nodes for about 15 seconds, and every occurrence is checked.
    [Fact]
    public async Task ScheduledRecomputation_TwoNodesOnePostgres_EveryOccurrenceRunsExactlyOnce()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await Stores.RegisterProtocolsAsync(store, "cite-a", "cite-b", "cite-c", "cite-d", "cite-e");
        var settings = new Dictionary<string, string>(FastCluster) { ["Worker:NightlyRecomputeCron"] = "0/1 * * * * ?" };
        await using var nodeA = WorkerProcess.Start("node-a", store.Options, settings);
        await using var nodeB = WorkerProcess.Start("node-b", store.Options, settings);
        await Task.WhenAll(nodeA.WaitHealthyAsync(TimeSpan.FromSeconds(60)), nodeB.WaitHealthyAsync(TimeSpan.FromSeconds(60)));
        var bothUp = DateTime.UtcNow;

        await Stores.EventuallyAsync(store, async db => await db.JobRuns.CountAsync(r => r.Trigger.EndsWith(".nightly") && r.ScheduledAt > bothUp.AddSeconds(2)) >= 60,
            TimeSpan.FromSeconds(60), "60 nightly occurrences after both nodes are up", () => nodeA.Tail() + nodeB.Tail());
        nodeA.Terminate();
        nodeB.Terminate();
        Assert.True(await nodeA.WaitForExitAsync(TimeSpan.FromSeconds(30)) && await nodeB.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        await using var db = Stores.Open(store);
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Trigger.EndsWith(".nightly") && r.ScheduledAt > bothUp.AddSeconds(2)).ToListAsync();
        // The last second may have been cut by the shutdown; everything before it is complete.
        var last = runs.Max(r => r.ScheduledAt).AddSeconds(-1);
        runs = [.. runs.Where(r => r.ScheduledAt <= last)];
        var occurrences = runs.GroupBy(r => (r.Trigger, r.ScheduledAt)).ToList();
        var duplicates = occurrences.Where(g => g.Count() > 1).ToList();
        var missing = runs.GroupBy(r => r.Trigger).Sum(g =>
        {
            var seconds = g.Select(r => r.ScheduledAt).Distinct().Order().ToList();
            return (int)(seconds[^1] - seconds[0]).TotalSeconds + 1 - seconds.Count;
        });
        var byNode = runs.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{runs.Count} occurrences checked, {duplicates.Count} run twice, {missing} missed; per node: {string.Join(", ", byNode.Select(n => $"{n.Key}={n.Value}"))}");

        Assert.True(runs.Count >= 50, $"only {runs.Count} occurrences");
        Assert.Empty(duplicates);
        Assert.Equal(0, missing);
        // No participant yet: each run checks the protocol and finds nothing to estimate (cheap, so the test is about firing).
        Assert.All(runs, r => Assert.Equal(JobRunState.Skipped, r.Status));
        // Which node fires what is the scheduler's business (a fast node may take every batch); exactly-once is the
        // property. The per-node shares are printed above, and the takeover test shows the second node working.
    }

    // A national recomputation is running on one node when its machine dies (SIGKILL, no goodbye): the other node
    // must notice, run the recomputation again, and the result must be stored once.
    [Fact]
    public async Task RunningRecomputation_NodeKilled_OtherNodeTakesOverAndStoresOnce()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await DemoData.LoadAsync(store, families: 60);
        var settings = new Dictionary<string, string>(FastCluster)
        {
            ["Worker:FaultInjectionRecomputeHold"] = "00:00:02",
            ["Worker:RecomputeQuietPeriod"] = "00:00:01",
            ["Worker:DataChangePollInterval"] = "00:00:00.500",
        };
        await using var nodeA = WorkerProcess.Start("node-a", store.Options, settings);
        await using var nodeB = WorkerProcess.Start("node-b", store.Options, settings);
        await Task.WhenAll(nodeA.WaitHealthyAsync(TimeSpan.FromSeconds(60)), nodeB.WaitHealthyAsync(TimeSpan.FromSeconds(60)));

        // The imports of the demo are seen by the data watch, which requests a recomputation: wait until it runs.
        JobRun? running = null;
        await Stores.EventuallyAsync(store, async db =>
            (running = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobGroup == "recompute" && r.Status == JobRunState.Running)) is not null,
            TimeSpan.FromSeconds(30), "a running recomputation", () => nodeA.Tail() + nodeB.Tail());
        var (victim, survivor) = running!.Node == nodeA.Name ? (nodeA, nodeB) : (nodeB, nodeA);
        victim.Kill();
        var killedAt = DateTime.UtcNow;
        Assert.True(await victim.WaitForExitAsync(TimeSpan.FromSeconds(10)));

        JobRun? recovered = null;
        await Stores.EventuallyAsync(store, async db =>
            (recovered = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobGroup == "recompute" && r.Recovering && r.Status == JobRunState.Succeeded)) is not null,
            TimeSpan.FromSeconds(40), "the recomputation recovered by the surviving node", () => survivor.Tail());

        await using var db = Stores.Open(store);
        var abandoned = await db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == running.Id);
        var takeover = DateTime.SpecifyKind(recovered!.StartedAt, DateTimeKind.Utc) - killedAt;
        output.WriteLine($"killed {victim.Name} at {killedAt:HH:mm:ss.fff}; {survivor.Name} started the recovery {takeover.TotalSeconds:0.0} s later " +
                         $"(check-in every 1 s, node declared dead after 2 s more); recovery took {(recovered.EndedAt - recovered.StartedAt)!.Value.TotalSeconds:0.0} s");

        Assert.Equal(survivor.Name, recovered.Node);
        Assert.Equal(running.Trigger, recovered.Trigger);
        Assert.Equal(running.ScheduledAt, recovered.ScheduledAt);
        Assert.Equal(JobRunState.Abandoned, abandoned.Status);
        Assert.Equal(1, await db.EstimateRuns.CountAsync());
        Assert.True(takeover < TimeSpan.FromSeconds(15), $"takeover took {takeover}");
    }
}
