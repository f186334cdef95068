using ClosedXML.Excel;
using ImpactEval.Collection.Import;
using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// The sheet to fill for one wave: header row identifiant, vague, date_collecte, then one column per indicator
/// collected at the wave (header = indicator code, which the observation importer matches exactly); one row per
/// expected participant with identifiant and vague pre-filled. The header row is frozen and locked; data cells are
/// unlocked and validated (drop-down lists, number ranges, dates). The French label of each column is shown as the
/// input message of its header and data cells, which keeps row 1 the only header row and row 2 the first data row.
/// </summary>
internal static class WaveSheet
{
    /// <summary>Last row covered by the validations and formats: the whole column, so rows added below the roster are checked too.</summary>
    public const int LastRow = 1_048_576;

    private sealed record Column(string Header, string Title, string Description, double Width, WorkbookStyle Style, Rule? Validation);

    /// <summary>A data-validation rule of a column: what is allowed, and the message when it is not.</summary>
    private sealed record Rule(XLAllowedValues Type, XLOperator Operator, string Formula1, string Formula2, XLErrorStyle ErrorStyle, string Title, string Message);

    /// <summary>Fills <paramref name="sheet"/>, the sheet of <paramref name="wave"/>.</summary>
    public static void Write(IXLWorksheet sheet, Wave wave, IReadOnlyList<Indicator> indicators, IReadOnlyList<string> identifiers, WorkbookLists lists)
    {
        var columns = new List<Column>
        {
            new("identifiant", "Identifiant", "L'identifiant du participant dans la cité, celui du fichier d'inscription. Prérempli pour les participants attendus.",
                Math.Clamp(identifiers.DefaultIfEmpty("").Max(i => i.Length) + 4, 16, 40), WorkbookStyle.Text, null),
            new("vague", "Vague", Limit($"{wave.Code} : {wave.Label}. Préremplie pour les participants attendus ; pour un participant ajouté, choisissez {wave.Code}."),
                10, WorkbookStyle.Text, List(lists.Add("vague", [wave.Code]), $"Cette feuille est celle de la vague {wave.Code}.")),
            new("date_collecte", "Date de collecte", Limit("Date du recueil, au format JJ/MM/AAAA. " + WindowText(wave)), 14, WorkbookStyle.Date, DateValidation(wave)),
        };
        foreach (var indicator in indicators)
        {
            var scale = indicator.Scale;
            var longest = scale.IsLabelled ? scale.EffectiveLevels.Max(l => l.Label.Length) : 0;
            columns.Add(new Column(indicator.Code, indicator.Code, Limit($"{indicator.Label}. {ScaleText.WhatToEnter(scale)}"),
                Math.Clamp(Math.Max(indicator.Code.Length, longest) + 4, 14, 45), WorkbookStyle.Data, ValueValidation(indicator, lists)));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var target = sheet.Column(i + 1);
            target.Width = column.Width;
            WorkbookStyles.Apply(target.Style, column.Style);
            WorkbookCells.Text(sheet.Cell(1, i + 1), column.Header, WorkbookStyle.Header);
            Validate(sheet.Range(1, i + 1, 1, i + 1), column.Title, column.Description, null);
            Validate(sheet.Range(2, i + 1, LastRow, i + 1), column.Title, column.Description, column.Validation);
        }
        for (var r = 0; r < identifiers.Count; r++)
        {
            WorkbookCells.Data(sheet.Cell(r + 2, 1), identifiers[r]);
            WorkbookCells.Data(sheet.Cell(r + 2, 2), wave.Code);
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Protect(null, XLProtectionAlgorithm.Algorithm.SimpleHash,
            XLSheetProtectionElements.SelectEverything | XLSheetProtectionElements.FormatEverything | XLSheetProtectionElements.InsertRows
            | XLSheetProtectionElements.DeleteRows | XLSheetProtectionElements.Sort | XLSheetProtectionElements.AutoFilter);
    }

    /// <summary>"Fenêtre de collecte : du 26/09/2025 au 31/10/2025." or the rule relative to enrolment.</summary>
    public static string WindowText(Wave wave)
    {
        var s = wave.Schedule;
        if (s.FixedDate is { } due)
            return $"Fenêtre de collecte : du {WorkbookCells.French(due.AddDays(-s.DaysBefore))} au {WorkbookCells.French(due.AddDays(s.DaysAfter))} (date prévue : {WorkbookCells.French(due)}).";
        var offset = s.OffsetDays ?? 0;
        var when = offset == 0 ? "le jour de l'inscription de chaque participant" : $"{offset} jours après l'inscription de chaque participant";
        return $"Date prévue : {when} ; fenêtre de {s.DaysBefore} jour(s) avant à {s.DaysAfter} jour(s) après.";
    }

    /// <summary>Shows the column's title and description when a cell of <paramref name="range"/> is selected, and applies its rule if any.</summary>
    private static void Validate(IXLRange range, string title, string text, Rule? rule)
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

    private static Rule ValueValidation(Indicator indicator, WorkbookLists lists)
    {
        var scale = indicator.Scale;
        if (scale.IsLabelled)
            return List(lists.Add(indicator.Code, [.. scale.EffectiveLevels.Select(l => l.Label)]), ScaleText.WhatToEnter(scale));
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
        return new Rule(type, op, formula1, formula2, XLErrorStyle.Stop, "Valeur non valide", ScaleText.WhatToEnter(scale));
    }

    private static Rule DateValidation(Wave wave)
    {
        var s = wave.Schedule;
        if (s.FixedDate is { } due)
            return new Rule(XLAllowedValues.Date, XLOperator.Between,
                WorkbookCells.DateSerial(due.AddDays(-s.DaysBefore)), WorkbookCells.DateSerial(due.AddDays(s.DaysAfter)), XLErrorStyle.Warning, "Date hors de la fenêtre",
                $"Cette date est en dehors de la fenêtre de collecte (du {WorkbookCells.French(due.AddDays(-s.DaysBefore))} au {WorkbookCells.French(due.AddDays(s.DaysAfter))}). Gardez-la seulement si le recueil a bien eu lieu ce jour-là.");
        return new Rule(XLAllowedValues.Date, XLOperator.Between,
            WorkbookCells.DateSerial(new DateOnly(2000, 1, 1)), WorkbookCells.DateSerial(new DateOnly(2099, 12, 31)), XLErrorStyle.Stop, "Date non valide",
            "Saisissez une date au format JJ/MM/AAAA (par exemple 15/10/2025).");
    }

    private static Rule List(string definedName, string message) =>
        new(XLAllowedValues.List, XLOperator.Between, definedName, "", XLErrorStyle.Stop, "Valeur non prévue", message);

    private static string Number(double value) => PlainNumber.Format(value);

    private static string Limit(string text) => WorkbookCells.Limit(text, 255);
}
