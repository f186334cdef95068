using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class ObservationImporterXlsxTests
{
    private static async Task<ImportResult> ImportCsvAsync(ImportFixture fixture, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await fixture.Observations().ImportAsync(fixture.Protocol, stream, "collecte", new ImportOptions("tests"));
    }

    private static async Task<ImportResult> ImportXlsxAsync(ImportFixture fixture, TestWorkbook workbook)
    {
        await using var stream = File.OpenRead(workbook.Save());
        return await fixture.Observations().ImportAsync(fixture.Protocol, stream, "collecte", new ImportOptions("tests"));
    }

    private static IEnumerable<(int, int?, string?, string?, string, string?)> Placed(ImportResult result) =>
        result.Problems.Select(p => (p.Line, p.Column, p.ColumnName, p.Value, p.Message, p.Hint));

    // A teacher's T1 sheet with three mistakes: an attendance rate of 120 %, "douze" typed in the number of sessions,
    // and a hyperlink formula pasted as text in a rating, with an empty line left after the first family. The workbook
    // is refused with exactly the problems the same table gets as CSV (same lines — the spreadsheet's own row numbers —
    // same columns and French messages), and nothing is written.
    [Fact]
    public async Task ImportAsync_BadValuesInXlsx_SameProblemsAsCsvAndNothingWritten()
    {
        await using var fixture = await ImportFixture.CreateAsync("DOS-001", "DOS-002", "DOS-003");
        const string csv = "identifiant;vague;date_collecte;ASSIDUITE;NB_SEANCES;COOP_PROPRETE\n" +
                           "DOS-001;T1;10/10/2025;120;12;Peu impliqué\n" +
                           ";;;;;\n" +
                           "DOS-002;T1;10/10/2025;87,5;douze;Très impliqué\n" +
                           "DOS-003;T1;10/10/2025;90;8;\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n";
        var workbook = new TestWorkbook().Sheet("Vague T1",
        [
            .. TestWorkbook.Texts(1, "identifiant", "vague", "date_collecte", "ASSIDUITE", "NB_SEANCES", "COOP_PROPRETE"),
            .. TestWorkbook.Texts(2, "DOS-001", "T1"), new TestCell("C2", StoredAs.CustomDate, "45940"), new TestCell("D2", StoredAs.Number, "120"),
            new TestCell("E2", StoredAs.Number, "12"), new TestCell("F2", StoredAs.SharedString, "Peu impliqué"),
            .. TestWorkbook.Texts(4, "DOS-002", "T1"), new TestCell("C4", StoredAs.CustomDate, "45940"), new TestCell("D4", StoredAs.Number, "87.5"),
            new TestCell("E4", StoredAs.SharedString, "douze"), new TestCell("F4", StoredAs.SharedString, "Très impliqué"),
            .. TestWorkbook.Texts(5, "DOS-003", "T1"), new TestCell("C5", StoredAs.CustomDate, "45940"), new TestCell("D5", StoredAs.Number, "90"),
            new TestCell("E5", StoredAs.Number, "8"), new TestCell("F5", StoredAs.InlineString, "=HYPERLINK(\"http://x\",\"y\")"),
        ]);

        var fromCsv = await ImportCsvAsync(fixture, csv);
        var fromXlsx = await ImportXlsxAsync(fixture, workbook);

        Assert.Equal(3, fromCsv.Problems.Length);
        Assert.Equal(Placed(fromCsv), Placed(fromXlsx));
        Assert.Equal([(2, 4), (4, 5), (5, 6)], fromXlsx.Problems.Select(p => (p.Line, p.Column ?? 0)));
        Assert.Equal("La cellule contient une formule, pas une valeur.", fromXlsx.Problems[2].Message);
        Assert.False(fromXlsx.Written);
        Assert.Equal((0, 0), await fixture.CountsAsync());
    }

    // A header mistyped "ASSIDUTE": the same "Colonne inconnue" problem with the same hint, at line 1 column 3.
    [Fact]
    public async Task ImportAsync_UnknownColumnInXlsx_SameProblemAsCsvAndNothingWritten()
    {
        await using var fixture = await ImportFixture.CreateAsync("DOS-001");
        var workbook = new TestWorkbook().Sheet("T1", [.. TestWorkbook.Texts(1, "identifiant", "vague", "ASSIDUTE"), .. TestWorkbook.Texts(2, "DOS-001", "T1", "87,5")]);

        var fromCsv = await ImportCsvAsync(fixture, "identifiant;vague;ASSIDUTE\nDOS-001;T1;87,5\n");
        var fromXlsx = await ImportXlsxAsync(fixture, workbook);

        var problem = Assert.Single(fromXlsx.Problems);
        Assert.Equal((1, 3, "Colonne inconnue «\u202FASSIDUTE\u202F»."), (problem.Line, problem.Column ?? 0, problem.Message));
        Assert.Equal(Placed(fromCsv), Placed(fromXlsx));
        Assert.Equal((0, 0), await fixture.CountsAsync());
    }

    // A real formula (=C3*2) in a value column: refused at its cell even though its cached result (8) is valid.
    [Fact]
    public async Task ImportAsync_FormulaCellInXlsx_RefusedAtItsCellAndNothingWritten()
    {
        await using var fixture = await ImportFixture.CreateAsync("DOS-001", "DOS-002");
        var workbook = new TestWorkbook().Sheet("T1",
        [
            .. TestWorkbook.Texts(1, "identifiant", "vague", "NB_SEANCES"),
            .. TestWorkbook.Texts(2, "DOS-001", "T1"), new TestCell("C2", StoredAs.Number, "4"),
            .. TestWorkbook.Texts(3, "DOS-002", "T1"), new TestCell("C3", StoredAs.Formula, "C2*2", "8"),
        ]);

        var result = await ImportXlsxAsync(fixture, workbook);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, 3, "NB_SEANCES", "La cellule contient une formule, pas une valeur."), (problem.Line, problem.Column ?? 0, problem.ColumnName, problem.Message));
        Assert.Equal((0, 0), await fixture.CountsAsync());
    }

    // The same observations sent as an .xlsx are stored, with dates from date serials and numbers as typed.
    [Fact]
    public async Task ImportAsync_ValidXlsx_StoresValues()
    {
        await using var fixture = await ImportFixture.CreateAsync("DOS-001");
        var workbook = new TestWorkbook().Sheet("T1",
        [
            .. TestWorkbook.Texts(1, "identifiant", "vague", "date_collecte", "ASSIDUITE", "COOP_PROPRETE"),
            .. TestWorkbook.Texts(2, "DOS-001", "T1"), new TestCell("C2", StoredAs.BuiltinDate, "45940"), new TestCell("D2", StoredAs.Number, "87.5"),
            new TestCell("E2", StoredAs.SharedString, "Plutôt impliqué"),
        ]);

        var result = await ImportXlsxAsync(fixture, workbook);

        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems));
        var stored = await fixture.ObservationsAsync("DOS-001");
        Assert.Equal((87.5, new DateOnly(2025, 10, 10)), stored[("DOS-001", "T1", "ASSIDUITE")]);
        Assert.Equal((3.0, new DateOnly(2025, 10, 10)), stored[("DOS-001", "T1", "COOP_PROPRETE")]);
    }
}
