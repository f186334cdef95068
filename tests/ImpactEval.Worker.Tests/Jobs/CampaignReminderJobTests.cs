using ImpactEval.Collection;
using System.Collections.Immutable;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Scheduling;
using ImpactEval.Worker.Tests.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit;

namespace ImpactEval.Worker.Tests.Jobs;

public class CampaignReminderJobTests
{
    // The demo cité is in zone A. Its T2 campaign closes on Wednesday 18 February 2026, in the middle of zone A's winter
    // holidays (7–22 February, official calendar 2025-2026). The "J-7" reminder would fall on Wednesday 11 February: the
    // morning round sends nothing that day (holidays), nor on the Saturday; on Monday 23 February, the first school
    // day, the round sends the reminder then due — "retard", the campaign being closed — once to each owing school, and
    // the next day's round sends nothing more.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task RunAsync_SchoolHolidaysOfTheZone_NothingSentThenCaughtUpOnFirstSchoolDay(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 60);
        var closes = new DateOnly(2026, 2, 18);
        await using (var db = await store.OpenAsync())
            Assert.True((await new CampaignService(db).CreateAsync(new CampaignDefinition("passerelles-T2", "Vague T2 — fin de petite section", "passerelles", "T2", null,
                closes.AddDays(-30), closes, 15, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty), "coordination", closes.AddDays(-30))).Done);

        var holiday = await RunAsync(store, new DateTimeOffset(2026, 2, 11, 8, 0, 0, TimeSpan.Zero)); // 09:00 in Paris
        var saturday = await RunAsync(store, new DateTimeOffset(2026, 2, 14, 8, 0, 0, TimeSpan.Zero));
        var backAtSchool = await RunAsync(store, new DateTimeOffset(2026, 2, 23, 8, 0, 0, TimeSpan.Zero));
        var again = await RunAsync(store, new DateTimeOffset(2026, 2, 24, 8, 0, 0, TimeSpan.Zero));

        Assert.True(holiday.NothingToDo);
        Assert.Equal("Vacances scolaires de la zone A : pas de rappel aujourd’hui, ceux qui sont dus partiront le premier jour de classe.", holiday.Summary);
        Assert.Equal("Week-end : pas de rappel aujourd’hui.", saturday.Summary);
        Assert.False(backAtSchool.NothingToDo, backAtSchool.Summary);
        Assert.Contains("0 courriel(s) mis en file", again.Summary); // the next day: already sent
        await using var check = await store.OpenAsync();
        var reminders = await check.OutboxMessages.AsNoTracking().Where(m => m.Kind == "reminder").ToListAsync();
        Assert.NotEmpty(reminders);
        Assert.All(reminders, m => Assert.Contains(":retard:", m.IdempotencyKey));
        Assert.Equal(reminders.Count, reminders.Select(m => m.Recipient).Distinct().Count());
        Assert.Equal(backAtSchool.Inputs.Single(i => i.Key == "queued").Value, reminders.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<JobRunReport> RunAsync(TestStore store, DateTimeOffset now)
    {
        var clock = new FixedClock(now);
        await using var db = await store.OpenAsync();
        var job = new CampaignReminderJob(db, CampaignJobsTests.Contacts('A'), new SchoolHolidays(), new LocalClock(clock, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")), clock);
        return await job.RunAsync("A", schoolDaysOnly: true, CancellationToken.None);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
