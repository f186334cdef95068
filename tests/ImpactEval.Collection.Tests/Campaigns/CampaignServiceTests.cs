using ImpactEval.Collection.Campaigns;
using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Campaigns;

public class CampaignServiceTests
{
    private static CampaignDefinition T1Campaign => new("passerelles-T1-2025", "Recueil T1 (entrée en petite section)", "passerelles", "T1", null,
        new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 31), ExpiryDays: 15);

    // The T1 campaign of PasserelleS through its whole life: planned, opened by the scheduler, values received on time
    // and late, closed, locked 15 days after closing (a late file is then refused and nothing written), then accepted
    // again once the coordinator grants an exception.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Lifecycle_WaveCampaign_OpensClosesLocksAndHonoursException(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var campaigns = new CampaignService(fixture.Db);
        Assert.True((await campaigns.CreateAsync(T1Campaign, "coordination", new DateOnly(2025, 9, 1))).Done);

        Assert.Empty(await campaigns.OpenDueAsync(new DateOnly(2025, 9, 25), "worker"));
        var opened = Assert.Single(await campaigns.OpenDueAsync(new DateOnly(2025, 9, 26), "worker"));
        Assert.Equal((CampaignState.Planned, CampaignState.Open), (opened.From, opened.To));
        Assert.Empty(await campaigns.OpenDueAsync(new DateOnly(2025, 9, 27), "worker"));

        // Five families in on time (recorded 20/10), two late (recorded 05/11), F05 and F09 missing. A collection date
        // cannot be after the day it is recorded (it would be refused), so F03's and F08's are moved before it.
        var lines = CohortFixture.T1.Replace("15/11/2025", "14/10/2025").Replace("20/11/2025", "04/11/2025").Split('\n');
        var onTime = string.Join('\n', lines.Take(6));
        var late = string.Join('\n', lines.Take(1).Concat(lines.Skip(6)));
        Assert.True((await fixture.ImportObservationsAsync(onTime, "T1-a.csv", clock: new FixedClock(new DateOnly(2025, 10, 20)))).Written);
        Assert.True((await fixture.ImportObservationsAsync(late, "T1-b.csv", clock: new FixedClock(new DateOnly(2025, 11, 5)))).Written);

        var closed = Assert.Single(await campaigns.CloseAndLockDueAsync(new DateOnly(2025, 11, 1), "worker"));
        Assert.Equal(CampaignState.Closed, closed.To);
        var report = (await campaigns.StatusAsync("passerelles-T1-2025", new DateOnly(2025, 11, 10)))!;
        Assert.Equal((CampaignState.Closed, new DateOnly(2025, 11, 16)), (report.State, report.LocksOn!.Value));
        var total = report.Respondents.Single(r => r.Cluster is null);
        Assert.Equal(("CE-999-01", 9, 5, 2, 2), (total.Territory, total.Expected, total.OnTime, total.Late, total.Missing));
        var e02 = report.Respondents.Single(r => r.Cluster == "E02");
        Assert.Equal((5, 2, 1, 2), (e02.Expected, e02.OnTime, e02.Late, e02.Missing)); // F02, F06 on time; F08 late; F05, F09 missing
        var owed = await campaigns.OwingAsync(new DateOnly(2025, 11, 10));
        Assert.Equal([("E02", 2)], owed.Select(o => (o.Cluster, o.Missing)));

        var locked = Assert.Single(await campaigns.CloseAndLockDueAsync(new DateOnly(2025, 11, 16), "worker"));
        Assert.Equal((CampaignState.Closed, CampaignState.Locked), (locked.From, locked.To));
        Assert.Empty(await campaigns.OwingAsync(new DateOnly(2025, 11, 16)));
        var counts = await StoreCounts.ReadAsync(fixture.Db);
        var lateFile = "identifiant;vague;date_collecte;COOP_PROPRETE\nF05;T1;30/10/2025;2";
        var refused = await fixture.ImportObservationsAsync(lateFile, "T1-c.csv", clock: new FixedClock(new DateOnly(2025, 11, 20)));
        var problem = Assert.Single(refused.Problems);
        Assert.Contains("verrouillée depuis le 16/11/2025", problem.Message);
        Assert.Contains("impacteval campaign exception passerelles-T1-2025", problem.Hint);
        Assert.Equal(counts, await StoreCounts.ReadAsync(fixture.Db));

        Assert.True((await campaigns.GrantExceptionAsync("passerelles-T1-2025", "CE-999-01", new DateOnly(2025, 11, 30), "enseignante absente", "coordination",
            new DateOnly(2025, 11, 20))).Done);
        Assert.True((await fixture.ImportObservationsAsync(lateFile, "T1-c.csv", clock: new FixedClock(new DateOnly(2025, 11, 20)))).Written);
        Assert.False((await fixture.ImportObservationsAsync(lateFile.Replace(";2", ";3"), "T1-d.csv", clock: new FixedClock(new DateOnly(2025, 12, 1)))).Accepted);
        Assert.Equal(["campaign.closed", "campaign.create", "campaign.exception", "campaign.locked", "campaign.open"],
            await fixture.Db.AuditEntries.Where(a => a.Action.StartsWith("campaign.")).Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync());
    }

    // A coordinator closes the campaign early, then reopens it for two more weeks after a teachers' strike.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CloseThenOpen_ByCoordinator_MovesTheDates(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var campaigns = new CampaignService(fixture.Db);
        await campaigns.CreateAsync(T1Campaign, "coordination", new DateOnly(2025, 9, 1));

        Assert.False((await campaigns.CloseAsync("passerelles-T1-2025", new DateOnly(2025, 9, 20), "coordination")).Done);
        Assert.True((await campaigns.CloseAsync("passerelles-T1-2025", new DateOnly(2025, 10, 20), "coordination")).Done);
        var closed = (await campaigns.StatusAsync("passerelles-T1-2025", new DateOnly(2025, 10, 20)))!;
        // Closed on 20/10: that day stays the last on-time day (not moved to the day before), the lock follows 15 days later.
        Assert.Equal((CampaignState.Closed, new DateOnly(2025, 10, 20), new DateOnly(2025, 11, 5)), (closed.State, closed.ClosesOn, closed.LocksOn!.Value));

        var refused = await campaigns.OpenAsync("passerelles-T1-2025", new DateOnly(2025, 10, 22), null, "coordination");
        Assert.False(refused.Done);
        Assert.Contains("--closes", refused.Message);
        Assert.True((await campaigns.OpenAsync("passerelles-T1-2025", new DateOnly(2025, 10, 22), new DateOnly(2025, 11, 7), "coordination")).Done);
        var reopened = (await campaigns.StatusAsync("passerelles-T1-2025", new DateOnly(2025, 10, 22)))!;
        Assert.Equal((CampaignState.Open, new DateOnly(2025, 11, 7)), (reopened.State, reopened.ClosesOn));
    }

    // Definitions a coordinator may get wrong are refused with a French reason, and nothing is created.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CreateAsync_InvalidDefinitions_AreRefused(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var campaigns = new CampaignService(fixture.Db);
        var today = new DateOnly(2025, 9, 1);

        Assert.Contains("vague", (await campaigns.CreateAsync(T1Campaign with { Wave = "T9" }, "c", today)).Message);
        Assert.Contains("précède", (await campaigns.CreateAsync(T1Campaign with { ClosesOn = new DateOnly(2025, 9, 1) }, "c", today)).Message);
        Assert.Contains("pas les deux", (await campaigns.CreateAsync(T1Campaign with { Period = "2025" }, "c", today)).Message);
        Assert.Contains("période", (await campaigns.CreateAsync(T1Campaign with { Wave = null, Period = "été" }, "c", today)).Message);
        Assert.Contains("lettres", (await campaigns.CreateAsync(T1Campaign with { Code = "T1 été" }, "c", today)).Message);
        Assert.Equal(0, await fixture.Db.Campaigns.CountAsync());
    }

    // The "revue de projet" style questionnaire: two cités asked for the school year's effectivité figures; one answers on
    // time, the other late and incompletely; after the lock a correction is refused.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Questionnaire_TwoTerritories_CompletenessAndLock(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        fixture.Db.Territories.Add(new Data.Entities.Territory { Code = "CE-999-02", Name = "Cité voisine", CreatedAt = DateTime.UtcNow });
        await fixture.Db.SaveChangesAsync();
        var campaigns = new CampaignService(fixture.Db);
        var definition = new CampaignDefinition("revue-2025", "Revue de projet 2024-2025", "passerelles", null, "2024-2025",
            new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 30), 10, ["CE-999-01", "CE-999-02"], ["NB_SEANCES", "SATISFACTION"]);
        Assert.True((await campaigns.CreateAsync(definition, "anct", new DateOnly(2025, 8, 20))).Done);
        var importer = (DateOnly day) => new AggregateValueImporter(fixture.Db, new FixedClock(day));

        await using (var first = CohortFixture.Csv("territoire;periode;NB_SEANCES;SATISFACTION\nCE-999-01;2024-2025;12;Très satisfaite"))
            Assert.True((await importer(new DateOnly(2025, 9, 15)).ImportAsync(fixture.Protocol, first, "a.csv", new ImportOptions("cpo"))).Written);
        await using (var second = CohortFixture.Csv("territoire;NB_SEANCES\nCE-999-02;9"))
            Assert.True((await importer(new DateOnly(2025, 10, 3)).ImportAsync(fixture.Protocol, second, "b.csv", new ImportOptions("cpo", Period: "2024-2025"))).Written);

        var report = (await campaigns.StatusAsync("revue-2025", new DateOnly(2025, 10, 5)))!;
        Assert.Equal(
            [new RespondentCompleteness("CE-999-01", null, 2, 2, 0), new RespondentCompleteness("CE-999-02", null, 2, 0, 1)],
            report.Respondents.ToArray());
        Assert.Equal([("CE-999-02", 1)], (await campaigns.OwingAsync(new DateOnly(2025, 10, 5))).Select(o => (o.Territory, o.Missing)));

        await using var correction = CohortFixture.Csv("territoire;periode;NB_SEANCES\nCE-999-02;2024-2025;10");
        var refused = await importer(new DateOnly(2025, 10, 20)).ImportAsync(fixture.Protocol, correction, "c.csv", new ImportOptions("cpo"));
        Assert.Contains("verrouillée", Assert.Single(refused.Problems).Message);
    }

    // ANCT closes the revue campaign early, on 25/09, the day CE-999-01 sends its file (received that morning, before
    // the close); CE-999-02 sends its file the next day. The file received on the closing day stays on time, the next
    // day's is late: timeliness is judged on the day each file reached the store, and closing never moves the closing
    // date to the day before. Expected counts: 2 questions each, CE-999-01 2 on time, CE-999-02 2 late.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CloseAsync_AnswersReceivedOnTheClosingDay_StayOnTime(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        fixture.Db.Territories.Add(new Data.Entities.Territory { Code = "CE-999-02", Name = "Cité voisine", CreatedAt = DateTime.UtcNow });
        await fixture.Db.SaveChangesAsync();
        var campaigns = new CampaignService(fixture.Db);
        var definition = new CampaignDefinition("revue-2025", "Revue de projet 2024-2025", "passerelles", null, "2024-2025",
            new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 15), 10, ["CE-999-01", "CE-999-02"], ["NB_SEANCES", "SATISFACTION"]);
        Assert.True((await campaigns.CreateAsync(definition, "anct", new DateOnly(2025, 8, 20))).Done);
        var importer = (DateOnly day) => new AggregateValueImporter(fixture.Db, new FixedClock(day));
        var closingDay = new DateOnly(2025, 9, 25);

        await using (var first = CohortFixture.Csv("territoire;periode;NB_SEANCES;SATISFACTION\nCE-999-01;2024-2025;12;Très satisfaite"))
            Assert.True((await importer(closingDay).ImportAsync(fixture.Protocol, first, "a.csv", new ImportOptions("cpo"))).Written);
        Assert.True((await campaigns.CloseAsync("revue-2025", closingDay, "anct")).Done);
        await using (var second = CohortFixture.Csv("territoire;periode;NB_SEANCES;SATISFACTION\nCE-999-02;2024-2025;9;Très satisfaite"))
            Assert.True((await importer(closingDay.AddDays(1)).ImportAsync(fixture.Protocol, second, "b.csv", new ImportOptions("cpo"))).Written);

        var report = (await campaigns.StatusAsync("revue-2025", closingDay))!;
        Assert.Equal((CampaignState.Closed, closingDay, new DateOnly(2025, 10, 6)), (report.State, report.ClosesOn, report.LocksOn!.Value));
        Assert.Equal(
            [new RespondentCompleteness("CE-999-01", null, 2, 2, 0), new RespondentCompleteness("CE-999-02", null, 2, 0, 2)],
            report.Respondents.ToArray());
    }
}
