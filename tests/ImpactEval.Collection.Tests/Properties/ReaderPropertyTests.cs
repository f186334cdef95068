using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.Core.Text;
using ImpactEval.Reporting.Csv;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Collection.Tests.Properties;

/// <summary>
/// Properties of the readers (issue 10): whatever the exporters write reads back identical, through the same path a
/// file takes on import (the CSV or XLSX reader, then the number or date grammar).
/// </summary>
[Properties(Arbitrary = [typeof(ReaderArbitraries)], MaxTest = 500)]
public class ReaderPropertyTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // What a spreadsheet number becomes on the way in (XlsxCellText): the plain round-trip text. Every finite double,
    // subnormal or huge, reads back bit for bit (−0 reads as 0, the same number).
    [Property]
    public bool PlainNumber_AnyFiniteDouble_ReadsBackIdentical(AnyDouble x) =>
        FrenchNumber.TryParse(PlainNumber.Format(x.Value), out var read) && read == x.Value;

    // FrenchNumber.Format (reports, messages, workbooks): "1 234,57" with no-break spaces reads back as the value it shows.
    [Property]
    public bool FrenchNumberFormat_ReadsBackTheValueShown(MeasuredValue x, Decimals d)
    {
        var shown = double.Parse(x.Value.ToString("F" + d.Value.ToString(Invariant), Invariant), Invariant);
        return FrenchNumber.TryParse(FrenchNumber.Format(x.Value, d.Value), out var read) && read == (Math.Round(x.Value, d.Value, MidpointRounding.AwayFromZero) == 0 ? 0 : shown);
    }

    // FrenchNumber.Plain (audit entries, scale labels): up to 6 decimals, reads back as shown.
    [Property]
    public bool FrenchNumberPlain_ReadsBackTheValueShown(MeasuredValue x) =>
        FrenchNumber.TryParse(FrenchNumber.Plain(x.Value), out var read) && read == double.Parse(x.Value.ToString("0.######", Invariant), Invariant);

    // The report CSV writer (TableCsvWriter): a number or a percentage cell, written into a CSV line and read by the CSV
    // reader and the number grammar, gives the value written.
    [Property]
    public bool CsvWriterCell_ThroughTheCsvReader_ReadsBackTheValueWritten(MeasuredValue x, Decimals d, bool percent)
    {
        var value = percent ? x.Value / 1e6 : x.Value;
        var written = TableCsvWriter.Cell(new TableCell("", value, percent ? CellKind.Percent : CellKind.Number, d.Value, false));
        var cells = ReadCsvRow(written);
        var expected = Math.Round(percent ? value * 100 : value, d.Value, MidpointRounding.AwayFromZero) + 0.0;
        return cells.Length == 2 && FrenchNumber.TryParse(cells[1], out var read) && read == double.Parse(expected.ToString("F" + d.Value.ToString(Invariant), Invariant), Invariant);
    }

    // FrenchDate.Format (dd/MM/yyyy) and ISO dates read back as the same day, for every day of the calendar.
    [Property]
    public bool FrenchDate_FormatOrIso_ReadsBackIdentical(AnyDate date) =>
        FrenchDate.TryParse(FrenchDate.Format(date.Value), out var french) && french == date.Value &&
        FrenchDate.TryParse(date.Value.ToString("yyyy-MM-dd", Invariant), out var iso) && iso == date.Value;

    // A workbook writer stores numbers as their round-trip text and dates as serial numbers with a date format: both come
    // out of the XLSX reader as texts that read back identical. (Few cases: each writes and reads a real workbook.)
    [Property(MaxTest = 25)]
    public bool Workbook_NumbersAndDates_ReadBackIdentical(AnyDouble[] numbers, AnyDate[] dates)
    {
        var usable = dates.Select(d => d.Value).Where(d => d >= new DateOnly(1900, 3, 1)).ToArray();
        var cells = new List<TestCell> { new("A1", StoredAs.SharedString, "nombre"), new("B1", StoredAs.SharedString, "date") };
        for (var i = 0; i < Math.Max(numbers.Length, usable.Length); i++)
        {
            if (i < numbers.Length) cells.Add(new TestCell($"A{i + 2}", StoredAs.Number, numbers[i].Value.ToString("R", Invariant)));
            if (i < usable.Length) cells.Add(new TestCell($"B{i + 2}", StoredAs.BuiltinDate, usable[i].ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", Invariant)));
        }
        var path = new TestWorkbook().Sheet("T1", [.. cells]).Save();
        var problems = new List<ImportProblem>();
        using var stream = File.OpenRead(path);
        var rows = XlsxTable.Read(stream, "classeur.xlsx", problems, out _).ToList();
        return problems.Count == 0
            && numbers.Select((n, i) => FrenchNumber.TryParse(rows[i].Cells[0], out var v) && v == n.Value).All(ok => ok)
            && usable.Select((d, i) => FrenchDate.TryParse(rows[i].Cells[1], out var v) && v == d).All(ok => ok);
    }

    // Any row of the demo's enrolment file cut before its last cell (the rest of the file lost in transfer) is refused at
    // that row's line, whatever the cut.
    [Property]
    public Property CutBeforeTheLastCell_IsRefusedAtThatLine() => Prop.ForAll(DemoFile.Cuts().ToArbitrary(), cut =>
    {
        var (_, problems) = ReadCsv(cut.Text);
        return problems.Exists(p => p.Line == cut.Line && p.Message.Contains("tronquée"));
    });

    // Any row of the demo's enrolment file losing trailing cells with their separators (the row shorter than the header,
    // in the middle of the file) is refused at its line; the other rows are read unchanged.
    [Property]
    public Property TrailingCellsDropped_IsRefusedAtThatLine() => Prop.ForAll(DemoFile.DroppedCells().ToArbitrary(), cut =>
    {
        var (rows, problems) = ReadCsv(cut.Text);
        return problems.Count == 1 && problems[0].Line == cut.Line && rows.Count == DemoFile.Rows - 1;
    });

    // Any decimal number of the demo's enrolment file cut after its decimal separator ("34,4" → "34,") is refused.
    [Property]
    public Property NumberCutAfterItsSeparator_IsRefused() => Prop.ForAll(Gen.Choose(0, DemoFile.Decimals.Count - 1).ToArbitrary(), i =>
    {
        var (line, column, text) = DemoFile.Decimals[i];
        var cut = text[..(text.IndexOf(',') + 1)];
        var lines = DemoFile.Text.Split('\n');
        var cells = lines[line - 1].Split(';');
        cells[column - 1] = cut;
        lines[line - 1] = string.Join(';', cells);
        var (_, problems) = ReadCsv(string.Join('\n', lines));
        return problems.Count == 0 && !FrenchNumber.TryParse(cut, out _) && FrenchNumber.TryParse(text, out _);
    });

    private static string[] ReadCsvRow(string cell)
    {
        var (rows, problems) = ReadCsv($"identifiant;valeur\r\nF01;{cell}\r\n");
        return problems.Count == 0 ? rows[0].Cells : [];
    }

    private static (List<TabularRow> Rows, List<ImportProblem> Problems) ReadCsv(string text)
    {
        var problems = new List<ImportProblem>();
        using var stream = new MemoryStream(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        var rows = TabularFile.ReadCsv(stream, "inscriptions.csv", problems, out _).ToList();
        return (rows, problems);
    }
}
