using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>Two worker processes against one real PostgreSQL database (Hangfire servers sharing the schema "hangfire").</summary>
[Collection(ProcessCollection.Name)]
public class ClusterTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> FastCluster = new()
    {
        // A job of a node silent for 3 s is run again by the other (the reservation is renewed every second while it runs).
        ["Worker:TakeoverTimeout"] = "00:00:03",
    };

    // ANCT runs the analyses of every cité on two workers sharing one PostgreSQL: each scheduled recomputation
    // must run once — never on both nodes, never twice, never two of one protocol at once. Here five protocols are
    // recomputed every second on two nodes for about 15 seconds: every occurrence Hangfire created (N) has exactly one
    // run (N runs), and no two runs of a protocol overlap.
    [Fact]
    public async Task ScheduledRecomputation_TwoNodesOnePostgres_EveryOccurrenceRunsExactlyOnce()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await Stores.RegisterProtocolsAsync(store, "cite-a", "cite-b", "cite-c", "cite-d", "cite-e");
        var settings = new Dictionary<string, string>(FastCluster) { ["Worker:NightlyRecomputeCron"] = "* * * * * *" };
        await using var nodeA = WorkerProcess.Start("node-a", store.Options, settings);
        await using var nodeB = WorkerProcess.Start("node-b", store.Options, settings);
        await Task.WhenAll(nodeA.WaitHealthyAsync(TimeSpan.FromSeconds(60)), nodeB.WaitHealthyAsync(TimeSpan.FromSeconds(60)));

        await Stores.EventuallyAsync(store, async db => await db.JobRuns.CountAsync(r => r.Trigger.EndsWith(".nightly") && r.EndedAt != null) >= 60,
            TimeSpan.FromSeconds(60), "60 nightly occurrences", () => nodeA.Tail() + nodeB.Tail());
        nodeA.Terminate();
        nodeB.Terminate();
        Assert.True(await nodeA.WaitForExitAsync(TimeSpan.FromSeconds(40)) && await nodeB.WaitForExitAsync(TimeSpan.FromSeconds(40)));

        await using var db = Stores.Open(store);
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Trigger.EndsWith(".nightly")).ToListAsync();
        // Every occurrence Hangfire created and ran to the end, read from its own storage.
        var succeeded = Occurrences.Succeeded(store, typeof(Worker.Jobs.RecomputeEstimatesJob));
        var runsPerOccurrence = runs.GroupBy(r => r.FireInstanceId).ToDictionary(g => g.Key, g => g.Count());
        var overlapping = runs.GroupBy(r => r.JobName).Sum(g =>
        {
            var ordered = g.OrderBy(r => r.StartedAt).ToList();
            return ordered.Zip(ordered.Skip(1)).Count(pair => pair.Second.StartedAt < pair.First.EndedAt);
        });
        var byNode = runs.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{succeeded.Count} occurrences created and succeeded, {runs.Count} runs recorded, {runsPerOccurrence.Count(p => p.Value > 1)} run twice, " +
                         $"{overlapping} overlapping; per node: {string.Join(", ", byNode.Select(n => $"{n.Key}={n.Value}"))}");

        Assert.True(succeeded.Count >= 60, $"only {succeeded.Count} occurrences");
        Assert.All(runsPerOccurrence, p => Assert.Equal(1, p.Value));
        Assert.Empty(succeeded.Except(runsPerOccurrence.Keys));
        Assert.Equal(succeeded.Count, runs.Count(r => succeeded.Contains(r.FireInstanceId)));
        Assert.Equal(0, overlapping);
        // No participant yet: each run checks the protocol and finds nothing to estimate (cheap, so the test is about firing).
        Assert.All(runs.Where(r => r.EndedAt != null), r => Assert.Equal(JobRunState.Skipped, r.Status));
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
                         $"(takeover timeout 3 s); recovery took {(recovered.EndedAt - recovered.StartedAt)!.Value.TotalSeconds:0.0} s");

        Assert.Equal(survivor.Name, recovered.Node);
        Assert.Equal(running.Trigger, recovered.Trigger);
        Assert.Equal(running.ScheduledAt, recovered.ScheduledAt);
        Assert.Equal(running.FireInstanceId, recovered.FireInstanceId);
        Assert.Equal(JobRunState.Abandoned, abandoned.Status);
        Assert.Equal(1, await db.EstimateRuns.CountAsync());
        Assert.True(takeover < TimeSpan.FromSeconds(15), $"takeover took {takeover}");
    }
}
