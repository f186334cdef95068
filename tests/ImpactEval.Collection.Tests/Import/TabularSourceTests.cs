using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class TabularSourceTests
{
    // Users rename files ("collecte.csv" that is really a workbook, or the reverse): the format comes from the bytes.
    [Fact]
    public void Detect_WorkbookNamedCsv_IsXlsx()
    {
        var path = new TestWorkbook().Sheet("T1", TestWorkbook.Texts(1, "identifiant")).Save();
        var renamed = Path.ChangeExtension(path, ".csv");
        File.Move(path, renamed);
        using var stream = File.OpenRead(renamed);
        stream.Position = 3;

        Assert.Equal(TabularFormat.Xlsx, TabularSource.Detect(stream));
        Assert.Equal(3, stream.Position);
    }

    [Fact]
    public void Detect_SemicolonText_IsCsv()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("identifiant;vague\nDOS-001;T1\n"));

        Assert.Equal(TabularFormat.Csv, TabularSource.Detect(stream));
    }

    // The same table sent as CSV and as .xlsx gives the same headers and rows with the same line numbers.
    [Fact]
    public void Open_CsvAndXlsxOfSameTable_GiveSameRows()
    {
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("identifiant;vague;ASSIDUITE\nDOS-001;T1;87,5\n\nDOS-002;T1;\n"));
        var xlsxPath = new TestWorkbook().Sheet("T1",
            [.. TestWorkbook.Texts(1, "identifiant", "vague", "ASSIDUITE"), .. TestWorkbook.Texts(2, "DOS-001", "T1", "87,5"), .. TestWorkbook.Texts(4, "DOS-002", "T1")]).Save();
        using var xlsx = File.OpenRead(xlsxPath);
        var problems = new List<ImportProblem>();

        var fromCsv = TabularSource.Open(csv, "a.csv", problems, out var csvHeaders).ToList();
        var fromXlsx = TabularSource.Open(xlsx, "a.xlsx", problems, out var xlsxHeaders).ToList();

        Assert.Empty(problems);
        Assert.Equal(csvHeaders, xlsxHeaders);
        Assert.Equal(fromCsv.Select(r => (r.Line, string.Join("|", r.Cells))), fromXlsx.Select(r => (r.Line, string.Join("|", r.Cells))));
    }

    // An Excel 97-2003 file (or a password-protected workbook, stored the same way) is refused in French.
    [Fact]
    public void Open_LegacyExcelFile_ReportsFrenchProblem()
    {
        byte[] ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        using var stream = new MemoryStream(ole2);
        var problems = new List<ImportProblem>();

        var rows = TabularSource.Open(stream, "collecte.xls", problems, out var headers);

        Assert.Empty(rows);
        Assert.Empty(headers);
        Assert.Contains("Excel 97-2003", Assert.Single(problems).Message);
    }

    // A damaged download: a zip signature followed by garbage. One French problem, no exception.
    [Fact]
    public void Open_DamagedWorkbook_ReportsUnreadable()
    {
        using var stream = new MemoryStream([0x50, 0x4B, 0x03, 0x04, .. Enumerable.Repeat((byte)7, 200)]);
        var problems = new List<ImportProblem>();

        var rows = TabularSource.Open(stream, "collecte.xlsx", problems, out _).ToList();

        Assert.Empty(rows);
        Assert.Equal("Le fichier n’est pas un classeur Excel (.xlsx) lisible.", Assert.Single(problems).Message);
    }

    // A LibreOffice spreadsheet saved as .ods is also a zip archive, but not an Office Open XML workbook: one French
    // problem telling the user to save it as .xlsx or CSV.
    [Fact]
    public void Open_OpenDocumentSpreadsheet_ReportsUnreadableWithHint()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("mimetype").Open());
            writer.Write("application/vnd.oasis.opendocument.spreadsheet");
        }
        var problems = new List<ImportProblem>();

        var rows = TabularSource.Open(stream, "collecte.ods", problems, out _).ToList();

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal("Le fichier n’est pas un classeur Excel (.xlsx) lisible.", problem.Message);
        Assert.Contains(".ods", problem.Hint);
    }

    // A command-line import reads a workbook straight from disk; the table owns the file until disposed.
    [Fact]
    public void OpenFile_Workbook_ReadsAndReleasesFile()
    {
        var path = new TestWorkbook().Sheet("T1", [.. TestWorkbook.Texts(1, "identifiant", "vague"), .. TestWorkbook.Texts(2, "DOS-001", "T1")]).Save();
        var problems = new List<ImportProblem>();

        using (var table = TabularSource.OpenFile(path, problems))
        {
            Assert.Equal(TabularFormat.Xlsx, table.Format);
            Assert.Equal(["identifiant", "vague"], table.Headers);
            Assert.Equal(2, Assert.Single(table.Rows).Line);
        }

        Assert.Empty(problems);
        File.Delete(path);
        Assert.False(File.Exists(path));
    }
}
