using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

/// <summary>
/// Table cells already formatted, and already protected when they hold counts. The raw value of a number is kept at
/// full precision (the workbook stores it as is and displays it with the cell's decimals).
/// </summary>
internal static class Cells
{
    public static TableCell Text(string? text) => new(text ?? "", null, CellKind.Text, 0, false);

    /// <summary>Text that HTML tables show as a short code (a group's or a wave's), spelt out under the table.</summary>
    public static TableCell Coded(string text, string code, string meaning) => new(text, null, CellKind.Text, 0, false, new Abbreviation(code, meaning));

    /// <summary>A sentence reading the row (HTML shows it under the row, across the table).</summary>
    public static TableCell Sentence(string text) => new(text, null, CellKind.Sentence, 0, false);

    public static TableCell Count(SuppressionPlan plan, string key, int value) =>
        plan.IsHidden(key) ? Hidden(CellKind.Count) : new TableCell(French.Count(value), value, CellKind.Count, 0, false);

    public static TableCell Number(double value, int decimals, bool shown = true) =>
        !shown ? Hidden(CellKind.Number)
        : double.IsFinite(value) ? new TableCell(French.Number(value, decimals), value, CellKind.Number, decimals, false)
        : Missing(CellKind.Number, decimals);

    public static TableCell Percent(double proportion, int decimals = 1, bool shown = true) =>
        !shown ? Hidden(CellKind.Percent)
        : double.IsFinite(proportion) ? new TableCell(French.Percent(proportion, decimals), proportion, CellKind.Percent, decimals, false)
        : Missing(CellKind.Percent, decimals);

    public static TableCell PValue(double p, bool shown = true) =>
        !shown ? Hidden(CellKind.PValue)
        : double.IsFinite(p) ? new TableCell(French.PValueCell(p), p, CellKind.PValue, 3, false)
        : Missing(CellKind.PValue, 3);

    public static TableCell Hidden(CellKind kind) => new(French.Suppressed, null, kind, 0, true);

    /// <summary>A value that does not exist by design ("sans objet"): not hidden, not missing.</summary>
    public static TableCell NotApplicable(CellKind kind) => new(French.NotApplicable, null, kind, 0, false);

    public static TableCell Missing(CellKind kind, int decimals = 0) => new(French.NotAvailable, null, kind, decimals, false);

    /// <summary>The text of a count: formatted, or "s" when hidden.</summary>
    public static string CountText(SuppressionPlan plan, string key, int value) => plan.IsHidden(key) ? French.Suppressed : French.Count(value);
}
