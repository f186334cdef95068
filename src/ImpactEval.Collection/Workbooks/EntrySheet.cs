using ClosedXML.Excel;
using ImpactEval.Collection.Import;
using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Collection.Workbooks;

/// <summary>A column of a sheet to fill: its header (what the importer matches), the prompt shown in its cells, and its rule.</summary>
/// <param name="Header">Header cell of row 1, matched exactly by the importer.</param>
/// <param name="Title">Title of the input message.</param>
/// <param name="Description">The input message: what to enter (255 characters at most, cut otherwise).</param>
/// <param name="Width">Column width in characters.</param>
/// <param name="Style">Style of the data cells.</param>
/// <param name="Rule">The data validation of the data cells, if any.</param>
internal sealed record EntryColumn(string Header, string Title, string Description, double Width, WorkbookStyle Style, EntryRule? Rule);

/// <summary>A data-validation rule of a column: what is allowed, and the message when it is not.</summary>
internal sealed record EntryRule(XLAllowedValues Type, XLOperator Operator, string Formula1, string Formula2, XLErrorStyle ErrorStyle, string Title, string Message);

/// <summary>
/// Writes a sheet to fill — the wave sheet of a collection workbook, the enrolment sheet, the values sheet: one header
/// row (frozen, locked) that the importer matches exactly, validated unlocked data cells down to the last row of the
/// sheet (so rows added below the pre-filled ones are checked too), pre-filled cells, and sheet protection without a
/// password (against accidents, not deliberate changes). The French label of each column is shown as the input message
/// of its header and data cells, which keeps row 1 the only header row and row 2 the first data row.
/// </summary>
internal static class EntrySheet
{
    /// <summary>Last row covered by the validations and formats: the whole column.</summary>
    public const int LastRow = 1_048_576;

    /// <summary>Fills <paramref name="sheet"/>: headers, validations, then <paramref name="rows"/> (one text per column, null for an empty cell).</summary>
    public static void Write(IXLWorksheet sheet, IReadOnlyList<EntryColumn> columns, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var target = sheet.Column(i + 1);
            target.Width = column.Width;
            WorkbookStyles.Apply(target.Style, column.Style);
            WorkbookCells.Text(sheet.Cell(1, i + 1), column.Header, WorkbookStyle.Header);
            Validate(sheet.Range(1, i + 1, 1, i + 1), column.Title, column.Description, null);
            Validate(sheet.Range(2, i + 1, LastRow, i + 1), column.Title, column.Description, column.Rule);
        }
        for (var r = 0; r < rows.Count; r++)
        for (var c = 0; c < rows[r].Count; c++)
            if (rows[r][c] is { } text) WorkbookCells.Data(sheet.Cell(r + 2, c + 1), text);

        sheet.SheetView.FreezeRows(1);
        sheet.Protect(null, XLProtectionAlgorithm.Algorithm.SimpleHash,
            XLSheetProtectionElements.SelectEverything | XLSheetProtectionElements.FormatEverything | XLSheetProtectionElements.InsertRows
            | XLSheetProtectionElements.DeleteRows | XLSheetProtectionElements.Sort | XLSheetProtectionElements.AutoFilter);
    }

    /// <summary>A column whose values are on <paramref name="scale"/> (an indicator or a covariate): a drop-down of its labels, or a number range.</summary>
    public static EntryColumn ScaleColumn(string code, string label, Scale scale, WorkbookLists lists)
    {
        var longest = scale.IsLabelled ? scale.EffectiveLevels.Max(l => l.Label.Length) : 0;
        return new EntryColumn(code, code, Limit($"{label}. {ScaleText.WhatToEnter(scale)}"),
            Math.Clamp(Math.Max(code.Length, longest) + 4, 14, 45), WorkbookStyle.Data, ScaleRule(code, scale, lists));
    }

    /// <summary>A column to fill from a list of choices (group, school, wave, period).</summary>
    public static EntryColumn ChoiceColumn(string header, string title, string description, IReadOnlyList<string> choices, string message, WorkbookLists lists) =>
        new(header, title, Limit(description), Math.Clamp(choices.DefaultIfEmpty("").Max(c => c.Length) + 4, 10, 45), WorkbookStyle.Text,
            List(lists.Add(header, choices), message));

    /// <summary>An identifier column (text format, so "00123" stays text), as wide as the longest identifier given.</summary>
    public static EntryColumn IdentifierColumn(string description, IEnumerable<string> identifiers) =>
        new("identifiant", "Identifiant", Limit(description), Math.Clamp(identifiers.DefaultIfEmpty("").Max(i => i.Length) + 4, 16, 40), WorkbookStyle.Text, null);

    /// <summary>A date between 1 January 2000 and 31 December 2099, refused otherwise.</summary>
    public static EntryRule AnyDate() =>
        new(XLAllowedValues.Date, XLOperator.Between, WorkbookCells.DateSerial(new DateOnly(2000, 1, 1)), WorkbookCells.DateSerial(new DateOnly(2099, 12, 31)),
            XLErrorStyle.Stop, "Date non valide", "Saisissez une date au format JJ/MM/AAAA (par exemple 15/10/2025).");

    /// <summary>A drop-down list rule on a defined name of <see cref="WorkbookLists"/>.</summary>
    public static EntryRule List(string definedName, string message) =>
        new(XLAllowedValues.List, XLOperator.Between, definedName, "", XLErrorStyle.Stop, "Valeur non prévue", message);

    /// <summary>Cuts a text to the 255 characters of an input message.</summary>
    public static string Limit(string text) => WorkbookCells.Limit(text, 255);

    private static EntryRule ScaleRule(string code, Scale scale, WorkbookLists lists)
    {
        if (scale.IsLabelled)
            return List(lists.Add(code, [.. scale.EffectiveLevels.Select(l => l.Label)]), ScaleText.WhatToEnter(scale));
        var count = scale.Type == ValueType.Count;
        var min = count ? Math.Max(scale.Minimum ?? 0, 0) : scale.Minimum;
        var type = count ? XLAllowedValues.WholeNumber : XLAllowedValues.Decimal;
        var (op, formula1, formula2) = (min, scale.Maximum) switch
        {
            ({ } a, { } b) => (XLOperator.Between, Number(a), Number(b)),
            ({ } a, null) => (XLOperator.EqualOrGreaterThan, Number(a), ""),
            (null, { } b) => (XLOperator.EqualOrLessThan, Number(b), ""),
            _ => (XLOperator.Between, "-1E+300", "1E+300"),
        };
        return new EntryRule(type, op, formula1, formula2, XLErrorStyle.Stop, "Valeur non valide", ScaleText.WhatToEnter(scale));
    }

    /// <summary>Shows the column's title and description when a cell of <paramref name="range"/> is selected, and applies its rule if any.</summary>
    private static void Validate(IXLRange range, string title, string text, EntryRule? rule)
    {
        var validation = range.SetDataValidation();
        validation.IgnoreBlanks = true;
        validation.ShowInputMessage = true;
        validation.InputTitle = WorkbookCells.Limit(title, 32);
        validation.InputMessage = WorkbookCells.Limit(text, 255);
        validation.ShowErrorMessage = rule is not null;
        if (rule is null) return;
        validation.AllowedValues = rule.Type;
        validation.Operator = rule.Operator;
        validation.MinValue = rule.Formula1;
        validation.MaxValue = rule.Formula2;
        validation.ErrorStyle = rule.ErrorStyle;
        validation.ErrorTitle = WorkbookCells.Limit(rule.Title, 32);
        validation.ErrorMessage = WorkbookCells.Limit(rule.Message, 255);
    }

    private static string Number(double value) => PlainNumber.Format(value);
}
