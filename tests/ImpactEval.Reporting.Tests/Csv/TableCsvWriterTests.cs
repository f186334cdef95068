using System.Globalization;
using System.Text;
using ImpactEval.Core.Text;
using ImpactEval.Reporting.Csv;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Csv;

public class TableCsvWriterTests
{
    // What a French spreadsheet reads as a number stays a number; what must never become a formula is neutralised.
    [Theory]
    [InlineData(CellKind.Count, 1234.0, 0, false, "1 234", "1234")]
    [InlineData(CellKind.Number, 0.4249, 2, false, "0,42", "0,42")]
    [InlineData(CellKind.Number, -0.004, 2, false, "-0,00", "0,00")]
    [InlineData(CellKind.Number, -1.256, 2, false, "-1,26", "-1,26")]
    [InlineData(CellKind.Percent, 0.1234, 1, false, "12,3 %", "12,3 %")]
    [InlineData(CellKind.PValue, 0.0001, 3, false, "< 0,001", "< 0,001")]
    [InlineData(CellKind.Count, null, 0, true, "s", "s")]
    [InlineData(CellKind.Number, null, 2, false, "n.d.", "")]
    [InlineData(CellKind.Text, null, 0, false, "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData(CellKind.Text, null, 0, false, "-Total", "'-Total")]
    [InlineData(CellKind.Text, null, 0, false, "-2 points", "\u22122\u00A0points")] // a negative number in a text takes the minus sign, which no spreadsheet reads as a formula
    [InlineData(CellKind.Sentence, null, 0, false, "0,42 [0,11 ; 0,73]", "\"0,42\u00A0[0,11\u202F;\u00A00,73]\"")] // text keeps French typography
    public void Cell_FrenchSpreadsheetConventions(CellKind kind, double? value, int decimals, bool hidden, string text, string expected) =>
        Assert.Equal(expected, TableCsvWriter.Cell(new TableCell(text.Replace(' ', '\u00A0'), value, kind, decimals, hidden)));

    // A group of 3 families: every count the CSV files publish is 0 or at least 5, every hidden cell of the report is "s"
    // in the CSV, and every number read back (decimal comma, percentages) is the report's value at its shown precision.
    [Fact]
    public void Write_GroupOfThreeFamilies_PublishesOnlyTheReportsProtectedValues()
    {
        var (protocol, results) = Cohorts.ThreeFamilies();
        var model = ReportModelBuilder.Build(protocol, results, ReportGeneration.For(results, SampleReports.SampleTimestamp));
        var hiddenSeen = 0;

        foreach (var table in model.Tables.Where(t => t.InWorkbook))
        {
            var records = Parse(TableCsvWriter.Write(table));

            Assert.Equal(table.Columns.Select(c => Typography.Apply(c.Header)), records[0]);
            Assert.Equal(table.Rows.Length, records.Count - 1);
            for (var r = 0; r < table.Rows.Length; r++)
                for (var c = 0; c < table.Columns.Length; c++)
                {
                    var cell = table.Rows[r].Cells[c];
                    var field = records[r + 1][c];
                    if (cell.IsSuppressed) { Assert.Equal("s", field); hiddenSeen++; continue; }
                    if (cell.Kind == CellKind.Count && cell.Value is { } n) Assert.True(n == 0 || n >= 5, $"{table.Id}: {n}");
                    if (cell.Kind is CellKind.Count or CellKind.Number or CellKind.Percent && cell.Value is { } v)
                    {
                        var shown = double.Parse(field.Replace(" %", "").Replace(',', '.'), CultureInfo.InvariantCulture);
                        var expected = Math.Round(cell.Kind == CellKind.Percent ? v * 100 : v, cell.Decimals, MidpointRounding.AwayFromZero);
                        Assert.Equal(expected, shown, 1e-9);
                    }
                }
        }
        Assert.True(hiddenSeen > 0, "the 3-family group must leave hidden cells");
    }

    // `--format csv` on the demo: one UTF-8 (BOM) file per workbook sheet, in table order, in rapport-tableaux/.
    [Fact]
    public async Task WriteAsync_DemoCohortCsv_OneFilePerWorkbookTable()
    {
        var demo = await Demo.GetAsync();
        var directory = Demo.TempDirectory("csv");

        var written = await ReportWriter.WriteAsync(demo.Protocol, demo.Results,
            new ReportRequest("rapport-cohorte", [ReportFormat.Csv], directory, Demo.TemplatesDirectory, GeneratedAt: SampleReports.SampleTimestamp));

        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, SampleReports.SampleTimestamp));
        var tables = model.Tables.Where(t => t.InWorkbook).ToList();
        Assert.Equal(tables.Select((t, i) => $"{i + 1:00}-{t.Id}.csv"), written.Files.Select(Path.GetFileName));
        Assert.All(written.Files, f => Assert.Equal(Path.Combine(directory, "rapport-tableaux"), Path.GetDirectoryName(f)));
        var bytes = await File.ReadAllBytesAsync(written.Files[0]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.EndsWith("\r\n", Encoding.UTF8.GetString(bytes));
        Assert.Equal(tables[0].Rows.Length + 1, Parse(Encoding.UTF8.GetString(bytes[3..])).Count);
    }

    /// <summary>RFC 4180 with ';': quoted fields may hold separators, doubled quotes and line breaks.</summary>
    private static List<string[]> Parse(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ';') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else field.Append(ch);
        }
        Assert.True(fields.Count == 0 && field.Length == 0, "the file must end with CRLF");
        return records;
    }
}
