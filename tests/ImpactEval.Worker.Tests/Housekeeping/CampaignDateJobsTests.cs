using System.Collections.Immutable;
using Hangfire;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Housekeeping;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ImpactEval.Worker.Tests.Housekeeping;

public class CampaignDateJobsTests
{
    // A coordinator creates, in the afternoon, a campaign that opens in three days, closes ten days later and locks
    // five days after that. The worker schedules the calendar pass at local midnight of each of those three days, in
    // the shared Hangfire storage, once: later rounds (every node, every few seconds) schedule nothing more.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Rounds_CampaignCreated_LifecycleScheduledOnceAtEachChangeDay(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Stores.RegisterProtocolsAsync(store, "passerelles");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime);
        await using (var db = Stores.Open(store))
        {
            var definition = new CampaignDefinition("passerelles-T2", "Vague T2", "passerelles", "T2", null,
                today.AddDays(3), today.AddDays(12), 5, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);
            Assert.True((await new CampaignService(db).CreateAsync(definition, "coordination", today)).Done);
        }

        await using var worker = await InProcessWorker.StartAsync(store.Options, new Dictionary<string, string>
        {
            ["Access:BootstrapAdministrator"] = "false",
            ["Worker:ScheduleSyncInterval"] = "00:00:01",
        });
        var storage = worker.Services.GetRequiredService<JobStorage>();
        var expected = new[] { today.AddDays(3), today.AddDays(13), today.AddDays(18) }
            .Select(d => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), paris).AddMinutes(1)).ToList();
        await Eventually(() => Scheduled(storage).Count >= 3, "three scheduled calendar passes");
        await Task.Delay(TimeSpan.FromSeconds(4)); // several more rounds

        var scheduled = Scheduled(storage);
        Assert.Equal(expected, scheduled.Order());
        using var connection = storage.GetConnection();
        Assert.Equal(3, connection.GetAllItemsFromSet(CampaignDateJobs.ScheduledSet).Count);
    }

    private static List<DateTime> Scheduled(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        return [.. monitoring.ScheduledJobs(0, 100)
            .Where(j => j.Value.Job?.Type == typeof(CampaignLifecycleJob))
            .Select(j => DateTime.SpecifyKind(j.Value.EnqueueAt, DateTimeKind.Utc))];
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            if (DateTime.UtcNow - started > TimeSpan.FromSeconds(60)) throw new TimeoutException($"Not within 60 s: {what}");
            await Task.Delay(200);
        }
    }
}
