using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class ObservationImporterTests
{
    // A partner sends the same T1 file twice (a double click, a resend "au cas où"): the second import changes nothing.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_SameFileTwice_LeavesIdenticalData(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var first = await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv");
        var snapshot = await SnapshotAsync(fixture.Db);
        var counts = await StoreCounts.ReadAsync(fixture.Db);

        var second = await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv");

        // 7 rows; 13 values: every row has COOP_PROPRETE, F08 has no attendance.
        Assert.Equal((7, 13, 0, 0, true), (first.Rows, first.Inserted, first.Updated, first.Unchanged, first.Written));
        Assert.Equal((7, 0, 0, 13, false), (second.Rows, second.Inserted, second.Updated, second.Unchanged, second.Written));
        Assert.Equal(snapshot, await SnapshotAsync(fixture.Db));
        Assert.Equal(counts, await StoreCounts.ReadAsync(fixture.Db));
    }

    // The CPO corrects T1: F02's rating 4 → 3 (typing error), F07's date fixed, F05's late rating added; other values
    // are resent unchanged (10 values). Only the four changed values move; the three corrected ones keep their previous values.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_CorrectedFile_UpdatesOnlyChangedValuesWithRevisions(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv");
        var before = (await SnapshotAsync(fixture.Db)).ToDictionary(o => (o.EnrolmentId, o.WaveId, o.IndicatorId));
        var corrected = CohortFixture.T1
            .Replace("F02;T1;05/10/2025;4;88", "F02;T1;05/10/2025;3;88")
            .Replace("F07;T1;08/10/2025;1;70", "F07;T1;09/10/2025;1;70")
            + "\nF05;T1;03/11/2025;2;";

        var result = await fixture.ImportObservationsAsync(corrected, "T1-corrige.csv", new ImportOptions("cpo"));

        Assert.Equal((8, 1, 3, 10), (result.Rows, result.Inserted, result.Updated, result.Unchanged));
        var after = (await SnapshotAsync(fixture.Db)).ToDictionary(o => (o.EnrolmentId, o.WaveId, o.IndicatorId));
        var changed = after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value).Select(a => a.Key).ToList();
        Assert.Equal(4, changed.Count); // F02 rating, F07 rating and attendance (new date), F05 rating (new)
        var revisions = await fixture.Db.ObservationRevisions.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(3, revisions.Count);
        Assert.All(revisions, r => Assert.Equal(("cpo", "import de T1-corrige.csv"), (r.ChangedBy, r.Reason)));
        var f02 = revisions.Single(r => r.PreviousValue == 4);
        Assert.Equal((3.0, new DateOnly(2025, 10, 5)), (f02.NewValue, f02.PreviousCollectedOn!.Value));
        Assert.Equal(2, revisions.Count(r => r.PreviousCollectedOn == new DateOnly(2025, 10, 8)));
    }

    // "Vérifier sans importer": counts what would change, writes nothing.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_DryRun_CountsChangesAndWritesNothing(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var empty = await StoreCounts.ReadAsync(fixture.Db);
        var fresh = await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv", new ImportOptions("tests", DryRun: true));
        Assert.Equal((13, false), (fresh.Inserted, fresh.Written));
        Assert.Equal(empty, await StoreCounts.ReadAsync(fixture.Db));

        await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv");
        var counts = await StoreCounts.ReadAsync(fixture.Db);
        var dry = await fixture.ImportObservationsAsync(CohortFixture.T1.Replace("F02;T1;05/10/2025;4;88", "F02;T1;05/10/2025;3;88"), "T1.csv",
            new ImportOptions("tests", DryRun: true));
        Assert.Equal((0, 1, 12, false), (dry.Inserted, dry.Updated, dry.Unchanged, dry.Written));
        Assert.Equal(counts, await StoreCounts.ReadAsync(fixture.Db));
    }

    // A file for one wave without a "vague" column, given the wave on the command line (--wave T2).
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_WaveGivenInOptions_ImportsEveryRowAtThatWave(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var text = "identifiant;date_collecte;Implication du parent dans l'apprentissage de la propreté\nF01;12/06/2026;Très impliqué\nF02;10/06/2026;2";

        var result = await fixture.ImportObservationsAsync(text, "T2.csv", new ImportOptions("tests", Wave: "T2"));

        Assert.True(result.Written);
        var values = await fixture.Db.Observations.AsNoTracking().OrderBy(o => o.Value).Select(o => o.Value).ToListAsync();
        Assert.Equal([2.0, 4.0], values);
    }

    internal sealed record Row(int EnrolmentId, int WaveId, int IndicatorId, double Value, DateOnly? CollectedOn, int? ImportId, DateTime RecordedAt, DateTime UpdatedAt);

    internal static async Task<List<Row>> SnapshotAsync(ImpactEvalDbContext db) =>
        await db.Observations.AsNoTracking().OrderBy(o => o.EnrolmentId).ThenBy(o => o.WaveId).ThenBy(o => o.IndicatorId)
            .Select(o => new Row(o.EnrolmentId, o.WaveId, o.IndicatorId, o.Value, o.CollectedOn, o.ImportId, o.RecordedAt, o.UpdatedAt)).ToListAsync();
}
