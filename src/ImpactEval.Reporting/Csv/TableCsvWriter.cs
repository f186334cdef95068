using System.Globalization;
using System.Text;
using ImpactEval.Core.Files;
using ImpactEval.Core.Text;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Workbook;

namespace ImpactEval.Reporting.Csv;

/// <summary>
/// Writes a report's published tables as CSV files the way French spreadsheets read them: UTF-8 with a byte-order
/// mark, <c>;</c> between fields, decimal comma, no thousands separator (so a number stays a number), percentages as
/// "12,3 %", CRLF line ends, one header row. The cells are the report's own, already protected by disclosure control:
/// a hidden value is "s" and a missing number an empty field (as in the workbook); p-values keep their published text
/// ("&lt; 0,001"). A text cell that
/// begins with =, +, - or @ is prefixed with an apostrophe, as in the workbook, so it can never become a formula.
/// </summary>
public static class TableCsvWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// Stages one file per table, <c>NN-id.csv</c> in table order, into <paramref name="directory"/>; returns their paths.
    /// CSV files of an earlier export that the new one does not replace are deleted when <paramref name="staging"/> is committed.
    /// </summary>
    /// <param name="tables">The tables (the workbook's: one file per sheet).</param>
    /// <param name="directory">The directory (created when missing).</param>
    /// <param name="staging">The files of the export being written.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    public static async Task<IReadOnlyList<string>> StageAsync(IReadOnlyList<ReportTable> tables, string directory, AtomicFiles staging, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.EnumerateFiles(directory, "*.csv")) staging.DeleteOnCommit(stale);
        var paths = new List<string>(tables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var path = Path.GetFullPath(Path.Combine(directory, $"{i + 1:00}-{tables[i].Id}.csv"));
            var bytes = Utf8WithBom.GetPreamble().Concat(Utf8WithBom.GetBytes(Write(tables[i]))).ToArray();
            await staging.StageAsync(path, (s, ct) => s.WriteAsync(bytes, ct).AsTask(), cancellationToken: cancellationToken);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The CSV text of one table.</summary>
    public static string Write(ReportTable table)
    {
        var csv = new StringBuilder();
        Line(csv, table.Columns.Select(c => Field(WorkbookWriter.Neutralise(Typography.Apply(c.Header)))));
        foreach (var row in table.Rows)
            Line(csv, row.Cells.Select(Cell));
        return csv.ToString();
    }

    /// <summary>The field of one cell.</summary>
    public static string Cell(TableCell cell)
    {
        if (cell.IsSuppressed) return French.Suppressed;
        if (!cell.IsNumeric) return Field(WorkbookWriter.Neutralise(Typography.Apply(cell.Text)));
        // A value absent by design is said so ("sans objet", as in the workbook); a missing one is an empty field.
        return cell.Value is not { } value ? (cell.Text == French.NotApplicable ? French.NotApplicable : "")
            : cell.Kind switch
            {
                CellKind.Count or CellKind.Number => Decimal(value, cell.Decimals),
                CellKind.Percent => Decimal(value * 100, cell.Decimals) + " %",
                _ => Field(Plain(cell.Text)), // a p-value as published ("< 0,001")
            };
    }

    private static string Decimal(double value, int decimals) =>
        (Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>
    /// In a numeric field (a p-value as published), no-break spaces become plain spaces, which every spreadsheet
    /// understands; numbers keep the ASCII minus and "12,3 %" an ordinary space for the same reason. Text fields keep
    /// French typography (<see cref="Typography.Apply"/>).
    /// </summary>
    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private static string Field(string text) =>
        text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.Append(string.Join(';', fields)).Append("\r\n");
}
