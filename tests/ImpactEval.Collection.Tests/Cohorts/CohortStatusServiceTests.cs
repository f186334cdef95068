using ImpactEval.Collection.Cohorts;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Collection.Tests.Cohorts;

public class CohortStatusServiceTests
{
    private static readonly DateOnly AfterT2 = new(2026, 7, 1);

    // The CPO's July review: nine families in three groups, T1 and T2 due; F03 and F08 were rated after the T1 window,
    // F06 after the T2 window; F05 was never rated at T1, F03 and F07 not at T2; F06 (EAJE) joined PasserelleS in
    // November; F09 withdrew in January. Expected values are counted by hand from CohortFixture's files.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task GetAsync_ThreeGroupsTwoWavesAfterT2_OverdueListAndFlowAreRight(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        var cohort = new CohortService(fixture.Db, fixture.Pseudonymiser);
        Assert.True((await cohort.ChangeGroupAsync("passerelles", "F06", "BEN", new DateOnly(2025, 11, 3), "inscrite à PasserelleS", "cpo")).Applied);
        Assert.True((await cohort.ChangeStatusAsync("passerelles", "F09", EnrolmentStatus.Withdrawn, new DateOnly(2026, 1, 15), "la famille ne souhaite plus participer", "cpo")).Applied);

        var status = (await new CohortStatusService(fixture.Db).GetAsync("passerelles", AfterT2))!;

        // T0 has no indicator: only T1 and T2 are tracked.
        Assert.Equal(9 * 2, status.Entries.Length);
        Assert.Equal(
            [("F05", "T1"), ("F03", "T2"), ("F07", "T2")],
            status.Overdue.Select(e => (Identifier(fixture, e.Pseudonym), e.Wave)).OrderBy(e => e.Item2).ThenBy(e => e.Item1).ToArray());
        var f05 = status.Overdue.Single(e => e.Wave == "T1");
        Assert.Equal(new DateOnly(2025, 10, 10), f05.DueOn);
        Assert.Equal(new DateOnly(2025, 10, 31), f05.WindowCloses);
        Assert.Equal(243, f05.DaysOverdue(AfterT2));

        var f06 = status.Entries.Single(e => e.Pseudonym == fixture.Pseudonym("F06") && e.Wave == "T2");
        Assert.Equal(("EAJE", "BEN", WaveState.CollectedLate, new DateOnly(2026, 6, 30)), (f06.Group, f06.CurrentGroup, f06.State, f06.CollectedOn!.Value));
        Assert.All(status.Entries.Where(e => e.Pseudonym == fixture.Pseudonym("F09")), e => Assert.Equal(WaveState.Left, e.State));

        var flow = status.Flow.Groups.ToDictionary(g => g.Group);
        Assert.Equal(["BEN", "EAJE", "ELOIGNE"], status.Flow.Groups.Select(g => g.Group));
        Assert.Equal((3, 3, 0, 0), (flow["BEN"].Enrolled, flow["BEN"].Active, flow["BEN"].Withdrawn, flow["BEN"].MovedToOtherGroup));
        Assert.Equal((3, 1), (flow["EAJE"].Enrolled, flow["EAJE"].MovedToOtherGroup));
        Assert.Equal((3, 2, 1), (flow["ELOIGNE"].Enrolled, flow["ELOIGNE"].Active, flow["ELOIGNE"].Withdrawn));
        Assert.Equal(
            [
                new WaveFlowData("T1", 3, 3, 1, 0, 0, 0), new WaveFlowData("T2", 3, 2, 0, 1, 0, 0),
                new WaveFlowData("T1", 3, 2, 0, 1, 0, 0), new WaveFlowData("T2", 3, 3, 1, 0, 0, 0),
                new WaveFlowData("T1", 3, 2, 1, 0, 1, 0), new WaveFlowData("T2", 3, 1, 0, 1, 1, 0),
            ],
            status.Flow.Groups.SelectMany(g => g.Waves));

        // Completeness per wave × group × school, then per wave × group, then per wave.
        var benE01T1 = status.Completeness.Single(c => c is { Wave: "T1", Group: "BEN", Cluster: "E01" });
        Assert.Equal((2, 2, 1), (benE01T1.Expected, benE01T1.Collected, benE01T1.Late));
        var t2 = status.Completeness.Single(c => c is { Wave: "T2", Group: null, Cluster: null });
        Assert.Equal((9, 6, 2, 1), (t2.Expected, t2.Collected, t2.Overdue, t2.Left));
        Assert.Equal(6.0 / 9, t2.Rate!.Value, 12);
    }

    // In mid-October the T1 window is open: families not yet rated are "à recueillir", not overdue, and T2 is to come.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task GetAsync_DuringT1Window_MissingAreOpenAndT2Upcoming(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        Assert.True((await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv")).Accepted);

        var status = (await new CohortStatusService(fixture.Db).GetAsync("passerelles", new DateOnly(2025, 10, 15)))!;

        Assert.Empty(status.Overdue);
        Assert.Equal(2, status.Entries.Count(e => e is { Wave: "T1", State: WaveState.Open }));
        Assert.All(status.Entries.Where(e => e.Wave == "T2"), e => Assert.Equal(WaveState.Upcoming, e.State));
        var t1 = status.Completeness.Single(c => c is { Wave: "T1", Group: null, Cluster: null });
        Assert.Equal((9, 7, 2, 7), (t1.Expected, t1.Collected, t1.NotYetDue, t1.Due));
    }

    // The flow reported by the analysis (from the dataset) and the cohort's own flow agree on enrolled, observed and late.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task GetAsync_DemoCohort_FlowAgreesWithAnalysisFlow(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await DemoData.LoadAsync(store, families: 120);
        await using var db = await store.OpenAsync();

        var status = (await new CohortStatusService(db).GetAsync("passerelles", AfterT2))!;

        foreach (var group in demo.Results.Flow.Groups)
        {
            var mine = status.Flow.Groups.Single(g => g.Group == group.Group);
            Assert.Equal(group.Enrolled, mine.Enrolled);
            foreach (var wave in group.Waves)
            {
                var w = mine.Waves.Single(x => x.Wave == wave.Wave);
                Assert.Equal((wave.Observed, wave.Late), (w.Observed, w.Late));
            }
        }
    }

    [Theory]
    [InlineData("2025-10-20", null, "active", "2025-04-01", "2025-10-25", WaveState.CollectedOnTime)]
    [InlineData("2025-11-01", null, "active", "2025-04-01", "2025-11-05", WaveState.CollectedLate)]
    [InlineData("2025-09-01", null, "active", "2025-04-01", "2025-11-05", WaveState.CollectedEarly)]
    [InlineData(null, null, "active", "2025-04-01", "2025-09-01", WaveState.Upcoming)]
    [InlineData(null, null, "active", "2025-04-01", "2025-10-31", WaveState.Open)]
    [InlineData(null, null, "active", "2025-04-01", "2025-11-01", WaveState.Overdue)]
    [InlineData(null, "2025-06-01", "moved", "2025-04-01", "2025-09-01", WaveState.Left)]
    [InlineData(null, "2025-06-01", "completed", "2025-04-01", "2025-11-01", WaveState.NotExpected)]
    [InlineData(null, null, "active", "2025-11-15", "2025-12-01", WaveState.NotExpected)]
    public void Classify_WindowFrom26SeptemberTo31October_GivesState(string? collected, string? since, string status, string enrolled, string today, WaveState expected)
    {
        // T1 of PasserelleS: due 10/10/2025, 14 days before and 21 after.
        var state = CohortStatusService.Classify(collected is null ? null : DateOnly.Parse(collected), new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 31),
            DateOnly.Parse(enrolled), EnrolmentStatusText.FromCode(status), since is null ? DateOnly.Parse(enrolled) : DateOnly.Parse(since), DateOnly.Parse(today));
        Assert.Equal(expected, state);
    }

    private static string Identifier(CohortFixture fixture, string pseudonym) =>
        Enumerable.Range(1, 9).Select(i => $"F{i:00}").Single(id => fixture.Pseudonym(id) == pseudonym);
}
