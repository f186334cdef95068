using System.Text;
using ImpactEval.Collection.Import;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

/// <summary>The CSV side of the reader contract: every cell is read exactly as sent, or the row is refused, placed.</summary>
public class TabularFileTests
{
    private static (string[] Headers, List<TabularRow> Rows, List<ImportProblem> Problems) Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    private static (string[] Headers, List<TabularRow> Rows, List<ImportProblem> Problems) Read(byte[] bytes)
    {
        var problems = new List<ImportProblem>();
        using var stream = new MemoryStream(bytes);
        var rows = TabularFile.ReadCsv(stream, "inscriptions.csv", problems, out var headers).ToList();
        return (headers, rows, problems);
    }

    // Issue 10, break 1: an enrolment file cut in the middle of a row was padded with blanks and imported. The short row
    // is refused at its line, pointing at the first missing cell.
    [Fact]
    public void ReadCsv_RowCutShort_RefusedAtItsLine()
    {
        var (_, rows, problems) = Read("identifiant;groupe;ecole;date_inscription;AGE_MOIS\nF01;BEN;E01;01/04/2025;34,4\nF02;BEN;E0");

        Assert.Single(rows);
        var problem = Assert.Single(problems);
        Assert.Equal((3, 4), (problem.Line, problem.Column));
        Assert.Contains("tronquée", problem.Message);
    }

    // The only short form allowed: a row with every separator and empty trailing cells (what spreadsheets write).
    [Fact]
    public void ReadCsv_EmptyTrailingCellsWithTheirSeparators_Accepted()
    {
        var (_, rows, problems) = Read("identifiant;groupe;ecole;date_inscription;AGE_MOIS\r\nF01;BEN;;;\r\n");

        Assert.Empty(problems);
        Assert.Equal(["F01", "BEN", "", "", ""], Assert.Single(rows).Cells);
    }

    // Issue 10, break 2: "9\r2" was stored as 92 (the carriage return dropped). A carriage return alone inside an
    // unquoted cell is refused at its line and column; CRLF line ends stay fine.
    [Fact]
    public void ReadCsv_LoneCarriageReturnInCell_RefusedAtItsCell()
    {
        var (_, rows, problems) = Read("identifiant;vague;ASSIDUITE\r\nF01;T1;9\r2\r\nF02;T1;88\r\n");

        Assert.Equal(["F02", "T1", "88"], Assert.Single(rows).Cells);
        var problem = Assert.Single(problems);
        Assert.Equal((2, 3), (problem.Line, problem.Column));
        Assert.Contains("retour chariot isolé", problem.Message);
    }

    // Issue 10, break 14: a file with old Mac line ends (CR only) printed 7,795 problems (2 MB). It gets one message about
    // line ends.
    [Fact]
    public void ReadCsv_CarriageReturnOnlyLineEnds_OneMessage()
    {
        var text = "identifiant;vague;ASSIDUITE\r" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"F{i:0000};T1;{i % 100}\r"));

        var (_, rows, problems) = Read(text);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("retour chariot seul", problem.Message);
    }

    // Issue 10, break 14: the NUL-byte error had no line. It names the line and column of the first NUL byte.
    [Fact]
    public void ReadCsv_NulByte_PlacedAtItsLineAndColumn()
    {
        var (_, _, problems) = Read([.. Encoding.UTF8.GetBytes("identifiant;vague\nF01;T1\nF02;T"), 0, .. Encoding.UTF8.GetBytes("1\n")]);

        var problem = Assert.Single(problems);
        Assert.Equal((3, 6), (problem.Line, problem.Column));
        Assert.Contains("octets nuls", problem.Message);
    }

    // Issue 10, break 9: a 1,000,000-character cell was read whole (and could be audited). Cells longer than a spreadsheet
    // cell can be are refused at their place, without holding the whole text.
    [Fact]
    public void ReadCsv_MillionCharacterCell_RefusedAtItsCell()
    {
        var (_, rows, problems) = Read("identifiant;groupe\n" + new string('x', 1_000_000) + ";BEN\nF02;BEN\n");

        Assert.Single(rows);
        var problem = Assert.Single(problems);
        Assert.Equal((2, 1), (problem.Line, problem.Column));
        Assert.Contains("32\u202F767", problem.Message);
        Assert.DoesNotContain("xxx", problem.ToString());
    }
}
