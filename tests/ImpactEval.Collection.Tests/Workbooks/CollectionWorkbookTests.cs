using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Core.Model;
using Xunit;

namespace ImpactEval.Collection.Tests.Workbooks;

public class CollectionWorkbookTests
{
    private static readonly Protocol PasserelleS = ImportFixture.LoadPasserelleS();

    private static readonly string[] T1Headers =
        ["identifiant", "vague", "date_collecte", "COOP_PROPRETE", "COOP_SEPARATION", "COOP_QUESTIONS", "CLIMAT_RELATION", "ASSIDUITE", "NB_SEANCES", "SATISFACTION"];

    private static string Generate(string wave, params string[] roster)
    {
        var path = Path.Combine(TempDirectory.Create(), $"collecte-{wave}.xlsx");
        CollectionWorkbook.WriteFile(PasserelleS, wave, roster, path);
        return path;
    }

    private static (string[] Headers, List<TabularRow> Rows) ReadSheet(string path, string? sheet = null)
    {
        var problems = new List<ImportProblem>();
        using var stream = File.OpenRead(path);
        var rows = TabularSource.Open(stream, "collecte.xlsx", problems, out var headers, sheet).ToList();
        Assert.Empty(problems);
        return (headers, rows);
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private static DataValidation ValidationOf(Worksheet sheet, string column) =>
        sheet.Descendants<DataValidation>().Single(v => v.SequenceOfReferences!.InnerText == $"{column}2:{column}1048576");

    // The CPO prints the T1 workbook for the eight schools with the expected families from the enrolment file. The
    // first sheet — the one the importer reads when no sheet is named — has the header row of codes the importer
    // matches, and one row per expected participant with identifiant and vague pre-filled, from row 2.
    [Fact]
    public void Write_WaveWithRoster_FirstSheetHasCodeHeadersAndRoster()
    {
        var path = Generate("T1", "DOS-001", "DOS-002", "00042");

        var (headers, rows) = ReadSheet(path);

        Assert.Equal(T1Headers, headers);
        Assert.Equal([2, 3, 4], rows.Select(r => r.Line));
        Assert.Equal(["DOS-001", "DOS-002", "00042"], rows.Select(r => r.Cells[0]));
        Assert.All(rows, r => Assert.Equal("T1", r.Cells[1]));
        Assert.All(rows, r => Assert.All(r.Cells.Skip(2), c => Assert.Equal("", c)));
        using var document = SpreadsheetDocument.Open(path, false);
        Assert.Equal(["Vague T1", "Instructions", "Listes"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Last().State!.Value);
        Assert.True(document.WorkbookPart.Workbook.WorkbookProtection!.LockStructure!.Value);
    }

    // The file must be a valid Office Open XML document (Excel refuses, or "repairs", invalid ones).
    [Theory]
    [InlineData("T1")]
    [InlineData("T2")]
    public void Write_PasserelleSWave_IsValidOpenXml(string wave)
    {
        var path = Generate(wave, "DOS-001", "=1+1");
        using var document = SpreadsheetDocument.Open(path, false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    // Teachers pick ratings from a drop-down of the protocol's French labels (ordinal and yes/no scales), so the
    // import matches them; the choices live in the hidden "Listes" sheet, in scale order.
    [Fact]
    public void Write_LabelledScales_HaveDropDownOfLevelLabels()
    {
        var path = Generate("T2", "DOS-001");
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = Sheet(document, "Vague T2");
        var names = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);
        var (listHeaders, listRows) = ReadSheet(path, "Listes");

        string[] Choices(string code)
        {
            var column = Array.IndexOf(listHeaders, code);
            return [.. listRows.Select(r => r.Cells[column]).Where(c => c.Length > 0)];
        }

        var t2 = PasserelleS.Indicators.Where(i => i.WaveCodes.Contains("T2")).ToList();
        foreach (var (indicator, index) in t2.Select((i, n) => (i, n)))
        {
            var column = SpreadsheetColumn(index + 3);
            if (!indicator.Scale.IsLabelled) continue;
            var validation = ValidationOf(sheet, column);
            Assert.Equal(DataValidationValues.List, validation.Type!.Value);
            Assert.Equal(DataValidationErrorStyleValues.Stop, validation.ErrorStyle!.Value);
            var listName = validation.Formula1!.Text;
            Assert.StartsWith("'Listes'!$", names[listName]);
            Assert.Equal(indicator.Scale.EffectiveLevels.Select(l => l.Label), Choices(indicator.Code));
        }
        Assert.Equal(["non", "oui"], Choices("INFORME_ABSENCES"));
        Assert.Equal(["T2"], Choices("vague"));
    }

    // NB_SEANCES is a count in [0 ; 40] and ASSIDUITE a rate in [0 ; 100] %: Excel refuses 41 or 120 as they are typed.
    [Fact]
    public void Write_CountAndContinuousScales_HaveRangeValidation()
    {
        using var document = SpreadsheetDocument.Open(Generate("T1", "DOS-001"), false);
        var sheet = Sheet(document, "Vague T1");

        var count = ValidationOf(sheet, "I");
        var rate = ValidationOf(sheet, "H");

        Assert.Equal((DataValidationValues.Whole, DataValidationOperatorValues.Between, "0", "40"), (count.Type!.Value, count.Operator!.Value, count.Formula1!.Text, count.Formula2!.Text));
        Assert.Equal((DataValidationValues.Decimal, DataValidationOperatorValues.Between, "0", "100"), (rate.Type!.Value, rate.Operator!.Value, rate.Formula1!.Text, rate.Formula2!.Text));
        Assert.Equal("Nombre entier entre 0 et 40 (séances).", count.Error!.Value);
        Assert.StartsWith("Nombre de séances PasserelleS suivies par la famille.", count.Prompt!.Value);
    }

    // T1 is due 10/10/2025 with a window from 14 days before to 21 days after: 26/09/2025 (serial 45926) to
    // 31/10/2025 (serial 45961). A date outside gets a warning the user may override (late collections happen);
    // dates show as dd/mm/yyyy.
    [Fact]
    public void Write_CollectionDateColumn_HasWindowValidationAndFrenchDateFormat()
    {
        using var document = SpreadsheetDocument.Open(Generate("T1", "DOS-001"), false);
        var sheet = Sheet(document, "Vague T1");

        var date = ValidationOf(sheet, "C");
        var column = sheet.GetFirstChild<Columns>()!.Elements<Column>().Single(c => c.Min!.Value == 3);
        var format = (CellFormat)document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)column.Style!.Value);
        var code = document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);

        Assert.Equal((DataValidationValues.Date, "45926", "45961"), (date.Type!.Value, date.Formula1!.Text, date.Formula2!.Text));
        Assert.Equal(DataValidationErrorStyleValues.Warning, date.ErrorStyle!.Value);
        Assert.Equal("dd/mm/yyyy", code.FormatCode!.Value);
    }

    // The header row must survive careless editing: it is frozen, its cells are locked and the sheet protected,
    // while every data column is unlocked so the sheet can still be filled.
    [Fact]
    public void Write_HeaderRow_FrozenLockedWithDataCellsUnlocked()
    {
        using var document = SpreadsheetDocument.Open(Generate("T1", "DOS-001"), false);
        var sheet = Sheet(document, "Vague T1");
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Locked(uint style) => formats[(int)style].Protection?.Locked?.Value ?? true;

        var pane = sheet.Descendants<Pane>().Single();
        // ClosedXML writes "frozenSplit", which Excel and LibreOffice open as frozen panes, like "frozen" (ECMA-376 §18.18.52).
        Assert.Equal((1.0, "A2"), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Contains(pane.State!.Value, new[] { PaneStateValues.Frozen, PaneStateValues.FrozenSplit });
        Assert.True(sheet.GetFirstChild<SheetProtection>()!.Sheet!.Value);
        var header = sheet.Descendants<Row>().First();
        Assert.Equal(10, header.Elements<Cell>().Count());
        Assert.All(header.Elements<Cell>(), c => Assert.True(Locked(c.StyleIndex!.Value)));
        var columns = sheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        // Adjacent columns alike (same width and style) may share one <col> element.
        Assert.Equal(Enumerable.Range(1, 10), columns.SelectMany(c => Enumerable.Range((int)c.Min!.Value, (int)(c.Max!.Value - c.Min.Value + 1))));
        Assert.All(columns, c => Assert.False(Locked(c.Style!.Value)));
        Assert.All(columns, c => Assert.True(c.Width!.Value >= 10));
    }

    // A cité whose identifiers start with "=", "+", "-" or "@" (or a malicious one): they are written as inline
    // strings with the quote prefix, never as formulas, and read back unchanged.
    [Fact]
    public void Write_IdentifiersThatLookLikeFormulas_WrittenAsInlineText()
    {
        string[] roster = ["=HYPERLINK(\"http://x\",\"y\")", "+33-A", "-12", "@DOS"];
        var path = Generate("T1", roster);
        using (var document = SpreadsheetDocument.Open(path, false))
        {
            var sheet = Sheet(document, "Vague T1");
            var quoted = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            var cells = sheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().First()).ToList();
            Assert.All(cells, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
            Assert.All(cells, c => Assert.True(quoted[(int)c.StyleIndex!.Value].QuotePrefix!.Value));
            Assert.Empty(sheet.Descendants<CellFormula>());
        }

        Assert.Equal(roster, ReadSheet(path).Rows.Select(r => r.Cells[0]));
    }

    // Without a roster (a blank sheet to be filled by hand) the sheet has its header row only.
    [Fact]
    public void Write_EmptyRoster_HeaderOnly()
    {
        var (headers, rows) = ReadSheet(Generate("T1"));

        Assert.Equal(T1Headers, headers);
        Assert.Empty(rows);
    }

    // The Instructions sheet tells the teacher, in French, the wave and its window, how to fill, every scale with
    // its levels and ranges, not to change the headers, and whom to ask.
    [Fact]
    public void Write_InstructionsSheet_InFrenchWithWindowScalesAndContact()
    {
        using var document = SpreadsheetDocument.Open(Generate("T1", "DOS-001", "DOS-002"), false);
        var text = string.Join("\n", Sheet(document, CollectionWorkbook.InstructionsSheetName).Descendants<Cell>().Select(c => c.InnerText));

        Assert.Contains("Fenêtre de collecte : du 26/09/2025 au 31/10/2025 (date prévue : 10/10/2025).", text);
        Assert.Contains("Ne modifiez pas les en-têtes", text);
        Assert.Contains("Les 2 participants attendus", text);
        Assert.Contains("Pas du tout impliqué (1) ; Peu impliqué (2) ; Plutôt impliqué (3) ; Très impliqué (4)", text);
        Assert.Contains("Nombre entre 0 et 100 (%).", text);
        Assert.Contains("Nombre entier entre 0 et 40 (séances).", text);
        Assert.Contains("Implication du parent dans l'apprentissage de la propreté", text);
        Assert.Contains("Pour toute question sur ce classeur ou sur un indicateur : Cheffe de projet opérationnelle de la cité éducative de Valbrune, evaluation@valbrune.example.", text);
        Assert.DoesNotContain("DOS-001", text);
    }

    // Mistakes of the person generating the workbook are refused with French messages.
    [Fact]
    public void Write_UnknownWave_ThrowsFrenchMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => CollectionWorkbook.Write(PasserelleS, "T9", [], new MemoryStream()));

        Assert.StartsWith("La vague « T9 » n'existe pas dans le protocole. Vagues : T0, T1, T2.", error.Message);
    }

    // T0 (enrolment) collects no indicator in PasserelleS: there is nothing to fill, and a sheet without indicator
    // columns would be refused by the importer anyway.
    [Fact]
    public void Write_WaveWithoutIndicators_ThrowsFrenchMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => CollectionWorkbook.Write(PasserelleS, "T0", [], new MemoryStream()));

        Assert.StartsWith("Aucun indicateur n'est recueilli à la vague T0", error.Message);
    }

    // The same identifier twice would give two rows for one participant, which the import refuses; the message does
    // not repeat the identifier (personal data), only its position.
    [Fact]
    public void Write_DuplicateIdentifier_ThrowsWithPositionOnly()
    {
        var error = Assert.Throws<ArgumentException>(() => CollectionWorkbook.Write(PasserelleS, "T1", ["DOS-001", "DOS-002", " DOS-001 "], new MemoryStream()));

        Assert.StartsWith("L'identifiant n° 3 figure déjà plus haut dans la liste des participants.", error.Message);
        Assert.DoesNotContain("DOS-001", error.Message);
    }

    private static string SpreadsheetColumn(int index) => ((char)('A' + index)).ToString();
}
