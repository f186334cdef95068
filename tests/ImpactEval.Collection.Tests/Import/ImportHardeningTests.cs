using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

/// <summary>
/// The breaks of issue 10 found by feeding the importers hostile or damaged versions of the demo's own files: each is
/// now refused with a placed French problem and writes nothing, or (for a blanked covariate) does what the data
/// manager asked and records it.
/// </summary>
public class ImportHardeningTests
{
    private const string Enrolments = """
        identifiant;groupe;ecole;date_inscription;AGE_MOIS
        F01;BEN;E01;01/04/2025;34,4
        F02;BEN;E02;02/04/2025;36
        """;

    private const string T1Header = "identifiant;vague;date_collecte;COOP_PROPRETE;ASSIDUITE";

    private static Task<ImportResult> EnrolAsync(CohortFixture fixture, string text, string name = "inscriptions-corrigees.csv") =>
        new EnrolmentImporter(fixture.Db, fixture.Pseudonymiser).ImportAsync(fixture.Protocol, CohortFixture.Csv(text), name, new ImportOptions("cpo"));

    private static async Task<double?> AgeAsync(CohortFixture fixture, string identifier)
    {
        var pseudonym = fixture.Pseudonym(identifier);
        var values = await fixture.Db.Enrolments.AsNoTracking().Where(e => e.Participant!.Pseudonym == pseudonym)
            .SelectMany(e => e.Baseline).Where(b => b.CovariateCode == "AGE_MOIS").Select(b => (double?)b.Value).ToListAsync();
        return values.SingleOrDefault();
    }

    // Issue 10, break 1: an enrolment file cut in the middle of a row exited 0 and, on a store that already had the
    // families, silently changed a covariate (audit: AGE_MOIS 34,4 → 34). Cut inside the last cell or inside the row,
    // the file is refused at the cut line and the stored value is kept.
    [Theory]
    [InlineData("F01;BEN;E01;01/04/2025;34,", 2, 5)]
    [InlineData("F01;BEN;E01;01/04/2025", 2, 5)]
    [InlineData("F01;BEN;E0", 2, 4)]
    public async Task EnrolmentImport_FileCutMidRow_RefusedAndStoreUnchanged(string cut, int line, int column)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);
        Assert.True((await EnrolAsync(fixture, Enrolments, "inscriptions.csv")).Accepted);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await EnrolAsync(fixture, Enrolments.Split('\n')[0] + "\n" + cut);

        Assert.False(result.Accepted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
        Assert.Equal(34.4, await AgeAsync(fixture, "F01"));
    }

    // Issue 10, break 2: "92,", "9 2" and "9\r2" were all stored as 92 and recorded as a correction of 92,5 (92,2 in the
    // issue). Each is refused at its cell and the stored value stays.
    [Theory]
    [InlineData("92,")]
    [InlineData("9 2")]
    [InlineData("9\r2")]
    public async Task ObservationImport_CutOrSplitNumber_RefusedAndValueKept(string value)
    {
        await using var fixture = await CohortFixture.CollectedAsync(StoreProvider.Sqlite);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await fixture.ImportObservationsAsync($"{T1Header}\nF01;T1;10/10/2025;3;{value}", "T1-corrige.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, 5), (problem.Line, problem.Column));
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
        var pseudonym = fixture.Pseudonym("F01");
        var stored = await (from o in fixture.Db.Observations
                            join i in fixture.Db.Indicators on o.IndicatorId equals i.Id
                            join e in fixture.Db.Enrolments on o.EnrolmentId equals e.Id
                            join w in fixture.Db.Waves on o.WaveId equals w.Id
                            where i.Code == "ASSIDUITE" && w.Code == "T1" && e.Participant!.Pseudonym == pseudonym
                            select o.Value).SingleAsync();
        Assert.Equal(92.5, stored);
    }

    // Issue 10, break 9: a 1,000,000-character identifier was accepted (a 1 MB audit entry). It is refused by the reader
    // (no spreadsheet cell is that long); one just over the identifier limit is refused by the importer. Neither is echoed.
    [Theory]
    [InlineData(1_000_000, "32\u202F767")]
    [InlineData(FieldLimits.Identifier + 1, "64 au plus")]
    public async Task EnrolmentImport_OverlongIdentifier_RefusedNotAudited(int length, string reason)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await EnrolAsync(fixture, $"identifiant;groupe;ecole;date_inscription\n{new string('X', length)};BEN;E01;01/04/2025");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, 1), (problem.Line, problem.Column));
        Assert.Contains(reason, problem.Message);
        Assert.DoesNotContain("XXXX", problem.ToString());
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
    }

    // Issue 10, break 9: a 1,000,000-character territory code was accepted by a national values file with
    // --create-territories (and became a territory). Refused at its cell; so is a code just over the code limit.
    [Theory]
    [InlineData(1_000_000)]
    [InlineData(FieldLimits.Code + 1)]
    public async Task ValuesImport_OverlongTerritory_RefusedEvenWhenCreatingTerritories(int length)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await new AggregateValueImporter(fixture.Db).ImportAsync(fixture.Protocol,
            CohortFixture.Csv($"territoire;periode;NB_SEANCES\n{new string('C', length)};2024-2025;8"), "national.csv", new ImportOptions("anct", CreateTerritories: true));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, 1), (problem.Line, problem.Column));
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
        Assert.Equal(1, await fixture.Db.Territories.CountAsync());
    }

    // Issue 10, break 10: blanking a covariate in a corrected enrolment file kept the old value. A covariate column of
    // the file is the truth for every row: the blank clears the stored value and the audit records it like any other
    // correction. A file without that column leaves the value alone.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EnrolmentImport_BlankedCovariate_ClearedAndAudited(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        Assert.True((await EnrolAsync(fixture, Enrolments, "inscriptions.csv")).Accepted);

        var withoutColumn = await EnrolAsync(fixture, "identifiant;groupe;ecole;date_inscription\nF01;BEN;E01;01/04/2025", "sans-covariable.csv");
        Assert.Equal((0, 0, 1), (withoutColumn.Inserted, withoutColumn.Updated, withoutColumn.Unchanged));
        Assert.Equal(34.4, await AgeAsync(fixture, "F01"));

        var blanked = await EnrolAsync(fixture, Enrolments.Replace(";34,4", ";"));
        var again = await EnrolAsync(fixture, Enrolments.Replace(";34,4", ";"));

        Assert.Equal((0, 1, 1, true), (blanked.Inserted, blanked.Updated, blanked.Unchanged, blanked.Written));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Null(await AgeAsync(fixture, "F01"));
        Assert.Equal(36, await AgeAsync(fixture, "F02"));
        var entry = Assert.Single(await fixture.Db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == EnrolmentImporter.CorrectionAction && a.Details!.StartsWith("inscriptions-corrigees.csv")).ToListAsync());
        Assert.Equal("inscriptions-corrigees.csv, ligne 2 : AGE_MOIS 34,4 → (vide)", entry.Details);
    }

    // Issue 10, break 10: "--wave T2" was ignored when the file had a wave column. A row whose wave disagrees with the
    // option is refused at its cell; rows that agree are fine.
    [Fact]
    public async Task ObservationImport_WaveOptionContradictsColumn_RefusedAtTheCell()
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv", new ImportOptions("cpo", Wave: "T2"));

        Assert.Equal(7, result.Problems.Length);
        Assert.All(result.Problems, p => Assert.Equal(2, p.Column));
        Assert.Contains("contredit l’option --wave T2", result.Problems[0].Message);
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
        Assert.True((await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv", new ImportOptions("cpo", Wave: "T1"))).Accepted);
    }

    // Issue 10, break 10: a collection date in 2099 was accepted. A date after the import day, or before 1900, is refused
    // at its cell; so is an enrolment date in the future.
    [Theory]
    [InlineData("10/10/2099", "postérieure à aujourd’hui")]
    [InlineData("10/10/1899", "antérieure à 1900")]
    [InlineData("31/02/2025", "n’est pas une date")]
    public async Task ObservationImport_ImplausibleCollectionDate_RefusedAtTheCell(string date, string reason)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await fixture.ImportObservationsAsync($"{T1Header}\nF01;T1;{date};3;92,5", "T1.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, 3), (problem.Line, problem.Column));
        Assert.Contains(reason, problem.Message);
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
    }

    [Fact]
    public async Task EnrolmentImport_EnrolmentDateInTheFuture_RefusedAtTheCell()
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);

        var result = await EnrolAsync(fixture, "identifiant;groupe;ecole;date_inscription\nF10;BEN;E01;01/04/2099");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, 4), (problem.Line, problem.Column));
        Assert.Contains("postérieure à aujourd’hui", problem.Message);
    }

    // Issue 10, break 14: header problems ignored the 200-problem cap. A header of 1,000 unknown columns gives at most
    // 200 problems and the notice that reading stopped.
    [Fact]
    public async Task ObservationImport_ThousandUnknownHeaders_CappedAt200()
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);

        var header = "identifiant;vague;" + string.Join(';', Enumerable.Range(1, 1000).Select(i => $"colonne{i}"));
        var result = await fixture.ImportObservationsAsync(header + "\nF01;T1" + new string(';', 1000), "large.csv");

        Assert.Equal(ImportProblem.MaxPerFile + 2, result.Problems.Length);
        Assert.StartsWith("Plus de 200 problèmes", result.Problems[^1].Message);
    }
}
