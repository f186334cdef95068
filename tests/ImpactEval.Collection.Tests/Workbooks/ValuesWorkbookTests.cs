using System.Globalization;
using ClosedXML.Excel;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Workbooks;

/// <summary>
/// Issue 17: the workbook of an aggregated-values campaign (the national revue de projet) was refused by
/// <c>import values</c> ("Colonne inconnue « identifiant »"). Generated for the campaign's territories and period,
/// filled (answers picked from the drop-downs, one question left unanswered, one territory silent) and imported, it
/// stores exactly the answers given.
/// </summary>
public class ValuesWorkbookTests
{
    private static readonly ValuesRow[] Territories = [new("CE-901-01", "Cité fictive A"), new("CE-902-01", "Cité fictive B"), new("CE-903-01", null)];

    [Fact]
    public async Task Write_FilledThenImportedByImportValues_StoresTheAnswers()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = await store.OpenAsync();
        Assert.Equal(RegistrationStatus.Created, (await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath("revue-de-projet.yaml"), "tests")).Status);
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync("revue-de-projet"))!.Value.Protocol;
        var path = Path.Combine(TempDirectory.Create(), "revue-2024.xlsx");
        ValuesWorkbook.WriteFile(protocol, "Revue de projet 2024", "2023-2024", Territories, protocol.Indicators, path);

        using (var workbook = new XLWorkbook(path))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal(["territoire", "periode", "PIL_PRINCIPAL"], Enumerable.Range(1, 3).Select(c => sheet.Cell(1, c).GetString()));
            Assert.Equal(Territories.Select(t => t.Code), Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 1).GetString()));
            Assert.All(Enumerable.Range(2, 3), r => Assert.Equal("2023-2024", sheet.Cell(r, 2).GetString()));
            Assert.Contains("Cité fictive B", workbook.Worksheet(CollectionWorkbook.InstructionsSheetName).CellsUsed().Select(c => c.GetString()));
        }
        string Cell(string indicator, int row) =>
            XLHelper.GetColumnLetterFromNumber(3 + protocol.Indicators.ToList().FindIndex(i => i.Code == indicator)) + row.ToString(CultureInfo.InvariantCulture);
        WorkbookFiller.Fill(path, ValuesWorkbook.SheetName, new Dictionary<string, object>
        {
            [Cell("PIL_PRINCIPAL", 2)] = "oui", [Cell("PIL_IEN", 2)] = "non", [Cell("MATURITE", 2)] = "Stade 2 : coordination", [Cell("ARTIC_EP", 2)] = "NC (non concerné)",
            [Cell("PIL_PRINCIPAL", 3)] = "non", [Cell("MATURITE", 3)] = "Stade 3 : coopération et intégration",
        });

        await using (var stream = File.OpenRead(path))
        {
            var result = await new AggregateValueImporter(db).ImportAsync(protocol, stream, "revue-2024.xlsx", new ImportOptions("tests", CreateTerritories: true));
            Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems));
            Assert.Equal((3, 6), (result.Rows, result.Inserted));
        }

        var stored = await (from v in db.AggregateValues.AsNoTracking()
                            join t in db.Territories on v.TerritoryId equals t.Id
                            join i in db.Indicators on v.IndicatorId equals i.Id
                            select new { t.Code, Indicator = i.Code, v.Value, v.PeriodLabel }).ToListAsync();
        Assert.All(stored, v => Assert.Equal("2023-2024", v.PeriodLabel));
        Assert.Equal(
            ["CE-901-01 ARTIC_EP 9", "CE-901-01 MATURITE 2", "CE-901-01 PIL_IEN 0", "CE-901-01 PIL_PRINCIPAL 1", "CE-902-01 MATURITE 3", "CE-902-01 PIL_PRINCIPAL 0"],
            stored.Select(v => $"{v.Code} {v.Indicator} {v.Value.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));
    }
}
