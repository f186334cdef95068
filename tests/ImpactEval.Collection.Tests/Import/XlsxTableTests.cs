using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class XlsxTableTests
{
    private static (string[] Headers, List<TabularRow> Rows, List<ImportProblem> Problems) Read(string path, string? sheet = null)
    {
        var problems = new List<ImportProblem>();
        using var stream = File.OpenRead(path);
        var rows = XlsxTable.Read(stream, "collecte.xlsx", problems, out var headers, sheet).ToList();
        return (headers, rows, problems);
    }

    // Excel stores typed texts as shared strings; programs (and ImpactEval's own workbooks) write inline strings.
    // Both must read the same.
    [Fact]
    public void Read_SharedAndInlineStrings_GivesTheSameTexts()
    {
        var path = new TestWorkbook().Sheet("T1",
            new TestCell("A1", StoredAs.SharedString, "identifiant"), new TestCell("B1", StoredAs.InlineString, "vague"),
            new TestCell("A2", StoredAs.InlineString, "DOS-001"), new TestCell("B2", StoredAs.SharedString, "T1")).Save();

        var (headers, rows, problems) = Read(path);

        Assert.Empty(problems);
        Assert.Equal(["identifiant", "vague"], headers);
        Assert.Equal(["DOS-001", "T1"], Assert.Single(rows).Cells);
    }

    // A teacher leaves cells empty and skips a line: Excel then stores neither the empty cells nor the empty row.
    // Cells must land in their own column, and each row keep its real number, so problems point where the user looks.
    [Fact]
    public void Read_SparseRows_PlacesCellsByReferenceAndKeepsRowNumbers()
    {
        var path = new TestWorkbook().Sheet("T1",
            [.. TestWorkbook.Texts(1, "identifiant", "vague", "date_collecte", "ASSIDUITE"),
             new TestCell("A2", StoredAs.SharedString, "DOS-001"), new TestCell("D2", StoredAs.Number, "87.5"),
             new TestCell("A5", StoredAs.SharedString, "DOS-002"), new TestCell("B5", StoredAs.SharedString, "T1")]).Save();

        var (_, rows, problems) = Read(path);

        Assert.Empty(problems);
        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal(["DOS-001", "", "", "87.5"], rows[0].Cells);
        Assert.Equal(["DOS-002", "T1", "", ""], rows[1].Cells);
    }

    // Dates typed in Excel are serial numbers shown through a date format: built-in (14), custom (dd/mm/yyyy), or
    // LibreOffice's locale-tagged "[$-40C]DD/MM/YYYY". 45940 is 10/10/2025 (Excel: =DATE(2025;10;10) gives 45940).
    [Theory]
    [InlineData(StoredAs.BuiltinDate)]
    [InlineData(StoredAs.CustomDate)]
    [InlineData(StoredAs.LibreOfficeDate)]
    public void Read_DateFormattedSerial_GivesFrenchDate(StoredAs kind)
    {
        var path = new TestWorkbook().Sheet("T1", [.. TestWorkbook.Texts(1, "date_collecte"), new TestCell("A2", kind, "45940")]).Save();

        var (_, rows, _) = Read(path);

        Assert.Equal("10/10/2025", Assert.Single(rows).Cells[0]);
    }

    // Workbooks made on old Mac Excel count days from 1904: serial 44478 there is 10/10/2025 (45940 − 1462).
    [Fact]
    public void Read_DateIn1904System_GivesSameFrenchDate()
    {
        var path = new TestWorkbook { Date1904 = true }.Sheet("T1", [.. TestWorkbook.Texts(1, "date_collecte"), new TestCell("A2", StoredAs.CustomDate, "44478")]).Save();

        Assert.Equal("10/10/2025", Assert.Single(Read(path).Rows).Cells[0]);
    }

    // Numbers reach the importers as invariant round-trip text without exponent, which FrenchNumber accepts:
    // Excel stores 0.00001 as "1.0000000000000001E-5"; it must not become "1E-05", which FrenchNumber refuses.
    [Theory]
    [InlineData("87.5", "87.5")]
    [InlineData("3", "3")]
    [InlineData("1.0000000000000001E-5", "0.00001")]
    [InlineData("-2.5E-3", "-0.0025")]
    [InlineData("1.5E+16", "15000000000000000")]
    [InlineData("1234567.891", "1234567.891")]
    public void Read_Number_GivesInvariantPlainText(string stored, string expected)
    {
        var path = new TestWorkbook().Sheet("T1", [.. TestWorkbook.Texts(1, "ASSIDUITE"), new TestCell("A2", StoredAs.Number, stored)]).Save();

        var text = Assert.Single(Read(path).Rows).Cells[0];

        Assert.Equal(expected, text);
        Assert.True(Core.Text.FrenchNumber.TryParse(text, out var value));
        Assert.Equal(double.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    // A user types "85%" in a cell of ASSIDUITE (unit %): Excel stores 0.85 with a percent format. The text must be
    // what the user sees, "85%", read as 85 in the indicator's unit — not 0.85, silently 100 times too small.
    [Fact]
    public void Read_PercentFormattedNumber_GivesPercentageShown()
    {
        var path = new TestWorkbook().Sheet("T1", [.. TestWorkbook.Texts(1, "ASSIDUITE"), new TestCell("A2", StoredAs.Percent, "0.85")]).Save();

        Assert.Equal("85%", Assert.Single(Read(path).Rows).Cells[0]);
    }

    // A yes/no column typed as TRUE/FALSE in Excel is stored as booleans; the binary scales read "oui"/"non".
    [Fact]
    public void Read_Booleans_GiveOuiNon()
    {
        var path = new TestWorkbook().Sheet("T1",
            [.. TestWorkbook.Texts(1, "INFORME_ABSENCES"), new TestCell("A2", StoredAs.Boolean, "1"), new TestCell("A3", StoredAs.Boolean, "0")]).Save();

        Assert.Equal(["oui", "non"], Read(path).Rows.Select(r => r.Cells[0]));
    }

    // A workbook with a hidden first sheet (a lookup table) and the data on the next: without a sheet name the
    // first visible sheet is read, as the user sees it; with a name, that sheet (case-insensitive).
    [Fact]
    public void Read_SheetChoice_FirstVisibleOrNamed()
    {
        var path = new TestWorkbook()
            .Sheet("Codes", true, TestWorkbook.Texts(1, "caché"))
            .Sheet("T1", TestWorkbook.Texts(1, "identifiant"))
            .Sheet("T2", TestWorkbook.Texts(1, "vague")).Save();

        Assert.Equal(["identifiant"], Read(path).Headers);
        Assert.Equal(["vague"], Read(path, "t2").Headers);
    }

    // A CPO asks for sheet "T3" in a workbook that has only T1 and T2: one French problem naming the sheets.
    [Fact]
    public void Read_UnknownSheet_ReportsFrenchProblemListingSheets()
    {
        var path = new TestWorkbook().Sheet("T1", TestWorkbook.Texts(1, "identifiant")).Sheet("T2", TestWorkbook.Texts(1, "identifiant")).Save();

        var (headers, rows, problems) = Read(path, "T3");

        Assert.Empty(headers);
        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal("La feuille «\u202FT3\u202F» n’existe pas dans le classeur.", problem.Message);
        Assert.Equal("Feuilles du classeur\u202F: T1, T2.", problem.Hint);
    }

    // An assistant computes ASSIDUITE as =D3/E3*100 in the sheet. The formula is refused at its row and column,
    // like a formula in a CSV file; its cached value is not taken (it may be stale and cannot be checked).
    [Fact]
    public void Read_FormulaCell_ReportsPlacedProblem()
    {
        var path = new TestWorkbook().Sheet("T1",
            [.. TestWorkbook.Texts(1, "identifiant", "ASSIDUITE"), .. TestWorkbook.Texts(2, "DOS-001"),
             new TestCell("A3", StoredAs.SharedString, "DOS-002"), new TestCell("B3", StoredAs.Formula, "C3/D3*100", "87.5")]).Save();

        var (_, rows, problems) = Read(path);

        Assert.Equal(2, rows.Count);
        var problem = Assert.Single(problems);
        Assert.Equal((3, 2, "ASSIDUITE"), (problem.Line, problem.Column, problem.ColumnName));
        Assert.Equal("La cellule contient une formule, pas une valeur.", problem.Message);
        Assert.Null(problem.Value);
    }

    // Someone writes a note in column F, right of the last header: the row is reported, not silently cut.
    [Fact]
    public void Read_CellRightOfHeaders_ReportsPlacedProblem()
    {
        var path = new TestWorkbook().Sheet("T1",
            [.. TestWorkbook.Texts(1, "identifiant", "vague"), .. TestWorkbook.Texts(2, "DOS-001", "T1"), new TestCell("F2", StoredAs.SharedString, "absent le 3/10")]).Save();

        var (_, rows, problems) = Read(path);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal((2, 6), (problem.Line, problem.Column));
        Assert.Contains("F2", problem.Message);
    }

    // A sheet with a title in row 1 and headers in row 3 (a common habit): refused with a French explanation,
    // because every line number the user is told must be the spreadsheet's own.
    [Fact]
    public void Read_HeadersNotOnRow1_ReportsProblem()
    {
        var path = new TestWorkbook().Sheet("T1", TestWorkbook.Texts(3, "identifiant", "vague")).Save();

        var (headers, rows, problems) = Read(path);

        Assert.Empty(headers);
        Assert.Empty(rows);
        Assert.Equal("La ligne 1 de la feuille «\u202FT1\u202F» doit contenir les en-têtes.", Assert.Single(problems).Message);
    }

    // An empty sheet gives one problem for the whole file (line 0), like an empty CSV.
    [Fact]
    public void Read_EmptySheet_ReportsEmpty()
    {
        var path = new TestWorkbook().Sheet("T1").Save();

        var problem = Assert.Single(Read(path).Problems);

        Assert.Equal((1, "La feuille «\u202FT1\u202F» est vide."), (problem.Line, problem.Message));
    }

    // Issue 10, break 10: merged cells lost every value but the top-left one without a word. A merged range within the
    // table is refused, placed at its first cell with the sheet and the range.
    [Fact]
    public void Read_MergedCellsInData_RefusedWithSheetAndRange()
    {
        var path = new TestWorkbook { Merged = ["B3:B5"] }.Sheet("T1",
            [.. TestWorkbook.Texts(1, "identifiant", "groupe"), .. TestWorkbook.Texts(2, "F01", "BEN"), .. TestWorkbook.Texts(3, "F02", "EAJE"),
             new TestCell("A4", StoredAs.SharedString, "F03"), new TestCell("A5", StoredAs.SharedString, "F04")]).Save();

        var (_, rows, problems) = Read(path);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal((3, 2, "groupe"), (problem.Line, problem.Column, problem.ColumnName));
        Assert.Contains("B3:B5", problem.Message);
        Assert.Contains("«\u202FT1\u202F»", problem.Message);
        Assert.Contains("fusionnées", problem.Message);
    }

    // A merged title far to the right of the table (notes beside it) is not part of the data.
    [Fact]
    public void Read_MergedCellsOutsideTheTable_Ignored()
    {
        var path = new TestWorkbook { Merged = ["E1:F2"] }.Sheet("T1", [.. TestWorkbook.Texts(1, "identifiant", "groupe"), .. TestWorkbook.Texts(2, "F01", "BEN")]).Save();

        var (_, rows, problems) = Read(path);

        Assert.Empty(problems);
        Assert.Single(rows);
    }

    // Issue 10, break 10: a shared-string index out of range became an empty cell. It is a placed problem (a damaged file).
    [Fact]
    public void Read_SharedStringIndexOutOfRange_RefusedAtItsCell()
    {
        var path = new TestWorkbook().Sheet("T1",
            [.. TestWorkbook.Texts(1, "identifiant", "groupe"), new TestCell("A2", StoredAs.SharedString, "F01"), new TestCell("B2", StoredAs.SharedStringIndex, "57")]).Save();

        var (_, rows, problems) = Read(path);

        var problem = Assert.Single(problems);
        Assert.Equal((2, 2, "groupe"), (problem.Line, problem.Column, problem.ColumnName));
        Assert.Contains("B2", problem.Message);
        Assert.Contains("n° 57", problem.Message);
        Assert.Single(rows);
    }

    // Issue 10, break 5: a small workbook whose shared strings decompress to gigabytes needed 3.5 GB of memory. The sizes
    // the archive declares are checked before reading: refused with one French problem.
    [Fact]
    public void Read_SharedStringsOverTheLimit_RefusedBeforeReading()
    {
        var path = OversizedWorkbook.Write(strings: 3, length: 50_000_000, TempDirectory.Create());

        var (headers, rows, problems) = Read(path);

        Assert.Empty(headers);
        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Contains("trop volumineux", problem.Message);
        Assert.Contains("la table des textes partagés dépasse 100 Mo", problem.Message);
    }

    // A single shared string longer than a spreadsheet cell can hold is refused while it is read, before it is held whole.
    [Fact]
    public void Read_SharedStringLongerThanACell_Refused()
    {
        var path = OversizedWorkbook.Write(strings: 1, length: 1_000_000, TempDirectory.Create());

        var (_, _, problems) = Read(path);

        var problem = Assert.Single(problems);
        Assert.Contains("32\u202F767", problem.Message);
    }

    // The same workbook with its archive lying about the table's size (1,000 bytes declared for 150 MB): the bytes actually
    // decompressed are counted, so reading stops at the same limit instead of trusting the archive.
    [Fact]
    public void Read_SharedStringsWithFalseDeclaredSize_StoppedWhileDecompressing()
    {
        var path = OversizedWorkbook.Write(strings: 3, length: 50_000_000, TempDirectory.Create());
        DeclareSize(path, "xl/sharedStrings.xml", 1_000);

        var (_, rows, problems) = Read(path);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.True(problem.Message.Contains("trop volumineux") || problem.Message.Contains("n’est pas un classeur"), problem.Message);
    }

    /// <summary>Overwrites the uncompressed size an archive declares for an entry, in its local header and its central directory record.</summary>
    private static void DeclareSize(string path, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = System.Text.Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30).StartsWith(name)) BitConverter.TryWriteBytes(bytes.AsSpan(i + 22), size);
            if (signature == 0x02014b50 && bytes.AsSpan(i + 46).StartsWith(name)) BitConverter.TryWriteBytes(bytes.AsSpan(i + 24), size);
        }
        File.WriteAllBytes(path, bytes);
    }
}
