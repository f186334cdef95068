using ImpactEval.Collection.Import;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class CsvTokenizerTests
{
    // What Excel and LibreOffice write: CRLF line ends, quoted cells holding the separator, doubled quotes and a line
    // break (a comment typed with Alt+Entrée), a quote inside an unquoted cell, a last line without line break.
    [Fact]
    public void Read_SpreadsheetDialect_GivesCellsAndStartLines()
    {
        var text = "a;b;c\r\n\"1;2\";\"dit \"\"oui\"\"\";x\r\n\"deux\nlignes\";ab\"c;\r\nfin;;";
        var tokenizer = new CsvTokenizer(new StringReader(text), ';');
        var records = new List<(int Line, string[] Cells)>();
        while (tokenizer.Read(out var record)) records.Add((tokenizer.RecordLine, record));

        Assert.Equal(4, records.Count);
        Assert.Equal(["a", "b", "c"], records[0].Cells);
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["1;2", "dit \"oui\"", "x"], records[1].Cells);
        Assert.Equal(["deux\nlignes", "ab\"c", ""], records[2].Cells);
        Assert.Equal(["fin", "", ""], records[3].Cells);
    }

    // A transfer cut inside a quoted cell is reported, not silently read as a shorter value.
    [Fact]
    public void Read_InputEndsInsideQuotes_IsUnterminated()
    {
        var tokenizer = new CsvTokenizer(new StringReader("a;b\n1;\"coupé"), ';');
        Assert.True(tokenizer.Read(out _));
        Assert.False(tokenizer.Unterminated);
        Assert.True(tokenizer.Read(out var cells));
        Assert.True(tokenizer.Unterminated);
        Assert.Equal(["1", "coupé"], cells);
    }
}
