using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>
/// A published table: the same object feeds the HTML (through the <c>tableau</c> partial) and the workbook (one
/// sheet per table), so both show exactly the same, already protected, values.
/// </summary>
/// <param name="Id">Stable identifier, usable as an HTML id ("flux", "contrastes-A1").</param>
/// <param name="Title">French title.</param>
/// <param name="SheetName">Workbook sheet name (at most 31 characters, unique in the report).</param>
/// <param name="Note">French note under the table (sources, reading guide), or null.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows.</param>
/// <param name="InWorkbook">Whether the table gets its own sheet (chart data tables repeat a workbook table and do not).</param>
public sealed record ReportTable(
    string Id,
    string Title,
    string SheetName,
    string? Note,
    ImmutableArray<TableColumn> Columns,
    ImmutableArray<TableRow> Rows,
    bool InWorkbook)
{
    /// <summary>Whether the table has no row.</summary>
    public bool IsEmpty => Rows.IsDefaultOrEmpty;
}

/// <summary>A column of a published table.</summary>
/// <param name="Header">French header.</param>
/// <param name="Kind">What the cells hold (drives alignment and the workbook's number format).</param>
public sealed record TableColumn(string Header, CellKind Kind)
{
    /// <summary>Whether the column holds numbers (right-aligned).</summary>
    public bool IsNumeric => Kind != CellKind.Text;
}

/// <summary>A row of a published table.</summary>
/// <param name="Cells">One cell per column.</param>
/// <param name="IsTotal">Whether the row is a margin (shown in bold).</param>
public sealed record TableRow(ImmutableArray<TableCell> Cells, bool IsTotal = false);

/// <summary>What a cell holds.</summary>
public enum CellKind
{
    /// <summary>Text.</summary>
    Text,
    /// <summary>A count of participants (protected by disclosure control).</summary>
    Count,
    /// <summary>A number with decimals.</summary>
    Number,
    /// <summary>A proportion in [0, 1], shown as a percentage.</summary>
    Percent,
    /// <summary>A p-value.</summary>
    PValue,
}

/// <summary>One cell: the French text to show and, for numbers, the raw value for the workbook.</summary>
/// <param name="Text">What HTML and PDF show ("1 234,5", "12,3 %", "s" when hidden, "n.d." when missing).</param>
/// <param name="Value">The raw number (a proportion for percentages); null for text, missing or hidden values.</param>
/// <param name="Kind">What the cell holds.</param>
/// <param name="Decimals">Decimals shown (the workbook's number format uses the same).</param>
/// <param name="IsSuppressed">Whether the value is hidden by disclosure control.</param>
public sealed record TableCell(string Text, double? Value, CellKind Kind, int Decimals, bool IsSuppressed)
{
    /// <summary>Whether the cell holds a number.</summary>
    public bool IsNumeric => Kind != CellKind.Text;
}
