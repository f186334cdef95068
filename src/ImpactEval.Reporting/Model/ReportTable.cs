using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>
/// A published table: the same object feeds the HTML (through the <c>tableau</c> partial) and the workbook (one
/// sheet per table), so both show exactly the same, already protected, values.
/// </summary>
/// <param name="Id">Stable identifier ("flux", "contrastes-a1"); the <c>tableau</c> partial makes it the HTML id
/// "tableau-" + Id, apart from the section ids ("flux").</param>
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

    /// <summary>
    /// Number of columns of the HTML table's grid: the columns that do not hold sentences (a sentence is shown on a
    /// line of its own under its row, spanning them all).
    /// </summary>
    public int GridColumnCount => Columns.IsDefault ? 0 : Columns.Count(c => !c.IsSentence);

    /// <summary>
    /// The abbreviations the HTML table uses, each once: the shortened headers (left to right), then the codes in the
    /// cells, column by column in order of appearance. The <c>tableau</c> partial spells them out under the table, so
    /// that a printed table stays readable without the hover text.
    /// </summary>
    public ImmutableArray<Abbreviation> Abbreviations
    {
        get
        {
            if (Columns.IsDefault) return [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = ImmutableArray.CreateBuilder<Abbreviation>();
            foreach (var column in Columns)
                if (column.Abbreviation is { } a && seen.Add(a.Short)) list.Add(a);
            if (Rows.IsDefault) return list.ToImmutable();
            for (var c = 0; c < Columns.Length; c++)
                foreach (var row in Rows)
                    if (c < row.Cells.Length && row.Cells[c].Abbreviation is { } a && seen.Add(a.Short)) list.Add(a);
            return list.ToImmutable();
        }
    }
}

/// <summary>A short form shown in an HTML table in place of a longer text, and what it stands for.</summary>
/// <param name="Short">What the table shows: a group's or a wave's protocol code ("EAJE", "T1"), a shortened header ("n bén.").</param>
/// <param name="Meaning">What it stands for, in full ("Familles non bénéficiaires éloignées de tout mode d'accueil").</param>
public sealed record Abbreviation(string Short, string Meaning);

/// <summary>A column of a published table.</summary>
/// <param name="Header">French header (the workbook's, and the HTML's unless shortened).</param>
/// <param name="Kind">What the cells hold (drives alignment and the workbook's number format).</param>
/// <param name="Abbreviation">Shortened header for a dense HTML table ("n bén." for "effectif du groupe bénéficiaire"), or
/// null to show <paramref name="Header"/>.</param>
public sealed record TableColumn(string Header, CellKind Kind, Abbreviation? Abbreviation = null)
{
    /// <summary>Whether the column holds numbers (right-aligned).</summary>
    public bool IsNumeric => Kind is not (CellKind.Text or CellKind.Sentence);

    /// <summary>Whether the column holds sentences (shown under each row in HTML, not in a column of their own).</summary>
    public bool IsSentence => Kind == CellKind.Sentence;
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
    /// <summary>A sentence reading the row (text too long for a column: HTML shows it under its row, across the table).</summary>
    Sentence,
}

/// <summary>One cell: the French text to show and, for numbers, the raw value for the workbook.</summary>
/// <param name="Text">What HTML and PDF show ("1 234,5", "12,3 %", "s" when hidden, "n.d." when missing).</param>
/// <param name="Value">The raw number (a proportion for percentages); null for text, missing or hidden values.</param>
/// <param name="Kind">What the cell holds.</param>
/// <param name="Decimals">Decimals shown (the workbook's number format uses the same).</param>
/// <param name="IsSuppressed">Whether the value is hidden by disclosure control.</param>
/// <param name="Abbreviation">Code shown in HTML tables in place of <paramref name="Text"/> (a group's or a wave's protocol
/// code), or null; the workbook always shows <paramref name="Text"/>.</param>
public sealed record TableCell(string Text, double? Value, CellKind Kind, int Decimals, bool IsSuppressed, Abbreviation? Abbreviation = null)
{
    /// <summary>Whether the cell holds a number.</summary>
    public bool IsNumeric => Kind is not (CellKind.Text or CellKind.Sentence);

    /// <summary>Whether the cell holds a sentence (shown under its row in HTML).</summary>
    public bool IsSentence => Kind == CellKind.Sentence;
}
