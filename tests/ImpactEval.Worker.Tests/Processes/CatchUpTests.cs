using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>What happens to recurring occurrences missed while the service was down.</summary>
[Collection(ProcessCollection.Name)]
public class CatchUpTests(ITestOutputHelper output)
{
    // The service is stopped over several occurrences of a recurring job (a night of maintenance over the 02:30
    // recomputation, here a job every 5 seconds stopped for 13 s): at the next start the missed occurrences run once —
    // one catch-up run, not one per missed occurrence — and the schedule then resumes.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task RecurringJob_SeveralOccurrencesMissedWhileDown_RunOnceAtStart(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Stores.RegisterProtocolsAsync(store, "cite-a");
        var settings = new Dictionary<string, string> { ["Worker:NightlyRecomputeCron"] = "*/5 * * * * *" };
        await using (var first = await InProcessWorker.StartAsync(store.Options, settings))
            await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.Trigger == "recompute.cite-a.nightly" && r.EndedAt != null),
                TimeSpan.FromSeconds(30), "a first occurrence");
        var stopped = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(13)); // at least two occurrences missed

        await using var second = await InProcessWorker.StartAsync(store.Options, settings);
        var restarted = DateTime.UtcNow;
        await Stores.EventuallyAsync(store, db => db.JobRuns.CountAsync(r => r.Trigger == "recompute.cite-a.nightly" && r.StartedAt > restarted && r.EndedAt != null)
            .ContinueWith(t => t.Result >= 2), TimeSpan.FromSeconds(30), "the catch-up and a regular occurrence");

        await using var db = Stores.Open(store);
        var after = (await db.JobRuns.AsNoTracking().Where(r => r.Trigger == "recompute.cite-a.nightly" && r.StartedAt > stopped).ToListAsync())
            .OrderBy(r => r.ScheduledAt).ToList();
        var catchUp = after[0];
        // The first regular occurrence after the catch-up: the next multiple of 5 seconds.
        var seconds = catchUp.ScheduledAt.Second % 5 == 0 ? catchUp.ScheduledAt : catchUp.ScheduledAt.AddSeconds(5 - catchUp.ScheduledAt.Second % 5);
        output.WriteLine($"{provider}: down {(restarted - stopped).TotalSeconds:0} s; runs after restart at {string.Join(", ", after.Select(r => r.ScheduledAt.ToString("HH:mm:ss")))}");
        Assert.Single(after, r => r.ScheduledAt < seconds || r == catchUp);
        Assert.Equal(JobRunState.Skipped, catchUp.Status);
        Assert.True(DateTime.SpecifyKind(catchUp.ScheduledAt, DateTimeKind.Utc) >= restarted.AddSeconds(-1), "the catch-up runs at start, for the missed occurrences");
    }
}
