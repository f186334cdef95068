using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class AggregateValueImporterTests
{
    private const string Term = "territoire;periode;Nombre de séances PasserelleS suivies par la famille;SATISFACTION\nCE-999-01;2025-T1;14;3\nCE-999-01;2025-T2;11;Très satisfaite";

    // The CPO's quarterly effectivité table imported twice, then corrected: same file → nothing changes; corrected
    // value → one revision, the rest untouched.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_SameThenCorrected_IdempotentWithRevision(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var importer = new AggregateValueImporter(fixture.Db);

        var first = await importer.ImportAsync(fixture.Protocol, CohortFixture.Csv(Term), "effectivite.csv", new ImportOptions("cpo"));
        var again = await importer.ImportAsync(fixture.Protocol, CohortFixture.Csv(Term), "effectivite.csv", new ImportOptions("cpo"));
        var corrected = await importer.ImportAsync(fixture.Protocol, CohortFixture.Csv(Term.Replace(";14;", ";15;")), "effectivite-v2.csv", new ImportOptions("cpo"));

        Assert.Equal((4, true), (first.Inserted, first.Written));
        Assert.Equal((0, 0, 4, false), (again.Inserted, again.Updated, again.Unchanged, again.Written));
        Assert.Equal((0, 1, 3, true), (corrected.Inserted, corrected.Updated, corrected.Unchanged, corrected.Written));
        var values = await fixture.Db.AggregateValues.AsNoTracking().OrderBy(v => v.PeriodStart).ThenBy(v => v.IndicatorId).ToListAsync();
        Assert.Equal([15.0, 3.0, 11.0, 4.0], values.Select(v => v.Value)); // NB_SEANCES then SATISFACTION ("Très satisfaite" = 4)
        Assert.Equal(["2025-T1", "2025-T1", "2025-T2", "2025-T2"], values.Select(v => v.PeriodLabel));
        var revision = Assert.Single(await fixture.Db.AggregateValueRevisions.ToListAsync());
        Assert.Equal((14.0, 15.0, "import de effectivite-v2.csv"), (revision.PreviousValue, revision.NewValue, revision.Reason));
    }

    // A national file naming cités the store does not know: refused with a hint, unless the coordinator asks to create them.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_UnknownTerritory_RefusedUnlessCreationAsked(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var importer = new AggregateValueImporter(fixture.Db);
        const string text = "territoire;periode;NB_SEANCES\nCE-999-01;2024-2025;30\nCE-999-1;2024-2025;12\nCE-075-03;2024-2025;8";
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var refused = await importer.ImportAsync(fixture.Protocol, CohortFixture.Csv(text), "national.csv", new ImportOptions("anct"));

        Assert.Equal([(3, "CE-999-1"), (4, "CE-075-03")], refused.Problems.Select(p => (p.Line, p.Value)));
        Assert.Contains("Vouliez-vous dire «\u202FCE-999-01\u202F»", refused.Problems[0].Hint);
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
        var accepted = await importer.ImportAsync(fixture.Protocol, CohortFixture.Csv(text.Replace("CE-999-1;", "CE-999-02;")), "national.csv",
            new ImportOptions("anct", CreateTerritories: true));
        Assert.Equal(3, accepted.Inserted);
        Assert.Equal(3, await fixture.Db.Territories.CountAsync());
    }

    // Values are checked against the indicator's scale, periods against the accepted forms, and a territory × period twice is refused.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_BadCells_PlacedProblemsNothingWritten(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        const string text = "territoire;periode;NB_SEANCES;SATISFACTION\nCE-999-01;2025-T1;41;3\nCE-999-01;printemps;4;3\nCE-999-01;2025-T2;4;3\nCE-999-01;2025-T2;5;2";

        var result = await new AggregateValueImporter(fixture.Db).ImportAsync(fixture.Protocol, CohortFixture.Csv(text), "v.csv", new ImportOptions("cpo"));

        Assert.Equal([(2, 3), (3, 2), (5, 1)], result.Problems.Select(p => (p.Line, p.Column ?? 0)));
        Assert.Equal(0, await fixture.Db.AggregateValues.CountAsync());
    }
}
