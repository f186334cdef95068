using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.History;
using Xunit;

namespace ImpactEval.Worker.Tests.History;

public class JobHistoryTests
{
    // An operator asks "what failed for passerelles?" (impacteval jobs --job recompute.passerelles --status echec):
    // only that job's failures come back, newest first, on either database.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task RecentAsync_JobAndStatus_ReturnsOnlyMatchingRunsNewestFirst(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var at = new DateTime(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);
        JobRun Run(string group, string name, JobRunState state, int minutes) => new()
        {
            JobGroup = group, JobName = name, Trigger = $"{group}.{name}.nightly", FireInstanceId = Guid.NewGuid().ToString("N"), Node = "node-a",
            ScheduledAt = at.AddMinutes(minutes), StartedAt = at.AddMinutes(minutes), EndedAt = at.AddMinutes(minutes + 1), Status = state,
            Error = state == JobRunState.Failed ? "base indisponible" : null,
        };
        db.JobRuns.AddRange(
            Run("recompute", "passerelles", JobRunState.Failed, 0),
            Run("recompute", "passerelles", JobRunState.Succeeded, 10),
            Run("recompute", "decrochage", JobRunState.Failed, 20),
            Run("recompute", "passerelles", JobRunState.Failed, 30));
        await db.SaveChangesAsync();

        var runs = await new JobHistory(db).RecentAsync("recompute.passerelles", JobRunState.Failed, 10);
        var group = await new JobHistory(db).RecentAsync("recompute", null, 10);

        Assert.Equal([at.AddMinutes(30), at], runs.Select(r => r.ScheduledAt));
        Assert.All(runs, r => Assert.Equal(("recompute.passerelles", "base indisponible", DateTimeKind.Utc), (r.Job, r.Error, r.StartedAt.Kind)));
        Assert.Equal(4, group.Count);
    }
}
