using System.Text;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.Collection.Workbooks;
using Xunit;

namespace ImpactEval.Collection.Tests.Workbooks;

/// <summary>
/// Checks against a real spreadsheet program (LibreOffice Calc, headless). These tests fail, never skip, when
/// soffice is missing: CI installs libreoffice-calc-nogui.
/// </summary>
public class CollectionWorkbookLibreOfficeTests
{
    private const string CsvFilter = "csv:Text - txt - csv (StarCalc):59,34,76,1";
    private const string XlsxFilter = "xlsx:Calc MS Excel 2007 XML";

    // A cité without Excel opens the generated workbook in LibreOffice: the first sheet shows the header row of
    // codes and the roster (identifiers kept as text, "00042" with its zeros, "=1+1" as text), and nothing else.
    [Fact]
    public void Write_OpenedInLibreOffice_ShowsHeadersAndRoster()
    {
        var directory = TempDirectory.Create();
        var path = Path.Combine(directory, "collecte-T1.xlsx");
        CollectionWorkbook.WriteFile(ImportFixture.LoadPasserelleS(), "T1", ["DOS-001", "00042", "=1+1"], path);

        var csv = LibreOffice.Convert(path, CsvFilter, "csv", Path.Combine(directory, "csv"));
        var lines = File.ReadAllLines(csv, Encoding.UTF8).Select(l => l.Split(';').Select(c => c.Trim('"')).ToArray()).ToList();

        Assert.Equal(4, lines.Count);
        Assert.Equal(["identifiant", "vague", "date_collecte", "COOP_PROPRETE", "COOP_SEPARATION", "COOP_QUESTIONS", "CLIMAT_RELATION", "ASSIDUITE", "NB_SEANCES", "SATISFACTION"], lines[0]);
        Assert.Equal(["DOS-001", "00042", "=1+1"], lines.Skip(1).Select(l => l[0]));
        Assert.All(lines.Skip(1), l => Assert.Equal("T1", l[1]));
    }

    // A teacher fills the workbook and saves it from LibreOffice, which rewrites the whole file its own way (shared
    // strings, its own date formats, styles). The import still stores exactly what was filled.
    [Fact]
    public async Task Write_FilledThenSavedByLibreOffice_ImportStoresExactlyWhatWasFilled()
    {
        await using var fixture = await ImportFixture.CreateAsync(CollectionWorkbookRoundTripTests.Roster);
        var directory = TempDirectory.Create();
        var path = Path.Combine(directory, "collecte-T1.xlsx");
        CollectionWorkbook.WriteFile(fixture.Protocol, "T1", CollectionWorkbookRoundTripTests.Roster, path);
        WorkbookFiller.Fill(path, "Vague T1", CollectionWorkbookRoundTripTests.T1Entries);

        var saved = LibreOffice.Convert(path, XlsxFilter, "xlsx", Path.Combine(directory, "libreoffice"));
        var result = await fixture.ImportObservationsAsync(saved);

        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems));
        var stored = await fixture.ObservationsAsync(CollectionWorkbookRoundTripTests.Roster);
        Assert.Equal(CollectionWorkbookRoundTripTests.T1Expected.OrderBy(e => e.Key),
            stored.OrderBy(e => e.Key).Select(e => KeyValuePair.Create(e.Key, (e.Value.Value, e.Value.CollectedOn))));
    }
}
