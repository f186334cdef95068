using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
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

    private sealed record Column(string Header, string Title, string Description, double Width, uint Style, DataValidation? Validation);

    /// <summary>The worksheet for <paramref name="wave"/>.</summary>
    public static Worksheet Build(Protocol protocol, Wave wave, IReadOnlyList<Indicator> indicators, IReadOnlyList<string> identifiers, WorkbookLists lists)
    {
        var columns = new List<Column>
        {
            new("identifiant", "Identifiant", "L'identifiant du participant dans la cité, celui du fichier d'inscription. Prérempli pour les participants attendus.",
                Math.Clamp(identifiers.DefaultIfEmpty("").Max(i => i.Length) + 4, 16, 40), WorkbookStyles.Text, null),
            new("vague", "Vague", Limit($"{wave.Code} : {wave.Label}. Préremplie pour les participants attendus ; pour un participant ajouté, choisissez {wave.Code}."),
                10, WorkbookStyles.Text, List(lists.Add("vague", [wave.Code]), $"Cette feuille est celle de la vague {wave.Code}.")),
            new("date_collecte", "Date de collecte", Limit("Date du recueil, au format JJ/MM/AAAA. " + WindowText(wave)), 14, WorkbookStyles.Date, DateValidation(wave)),
        };
        foreach (var indicator in indicators)
        {
            var scale = indicator.Scale;
            var longest = scale.IsLabelled ? scale.EffectiveLevels.Max(l => l.Label.Length) : 0;
            columns.Add(new Column(indicator.Code, indicator.Code, Limit($"{indicator.Label}. {ScaleText.WhatToEnter(scale)}"),
                Math.Clamp(Math.Max(indicator.Code.Length, longest) + 4, 14, 45), WorkbookStyles.Data, ValueValidation(indicator, lists)));
        }

        var rows = new List<Row> { WorkbookCells.Row(1, [.. columns.Select((c, i) => WorkbookCells.Text(i, 1, c.Header, WorkbookStyles.Header))]) };
        for (var r = 0; r < identifiers.Count; r++)
            rows.Add(WorkbookCells.Row(r + 2,
                WorkbookCells.Text(0, r + 2, identifiers[r], WorkbookStyles.Text),
                WorkbookCells.Text(1, r + 2, wave.Code, WorkbookStyles.Text)));

        var validations = new DataValidations();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var name = SpreadsheetReference.ColumnName(i);
            validations.Append(Prompt(new DataValidation(), $"{name}1", column.Title, column.Description));
            validations.Append(Prompt(column.Validation ?? new DataValidation(), $"{name}2:{name}{LastRow}", column.Title, column.Description));
        }
        validations.Count = (uint)validations.ChildElements.Count;

        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true, Style = c.Style,
            })),
            new SheetData(rows),
            new SheetProtection
            {
                Sheet = true, Objects = true, Scenarios = true,
                FormatCells = false, FormatColumns = false, FormatRows = false, InsertRows = false, DeleteRows = false, Sort = false, AutoFilter = false,
            },
            validations,
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
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

    private static DataValidation Prompt(DataValidation validation, string range, string title, string text)
    {
        validation.SequenceOfReferences = new ListValue<StringValue> { InnerText = range };
        validation.AllowBlank = true;
        validation.ShowInputMessage = true;
        validation.PromptTitle = WorkbookCells.Limit(title, 32);
        validation.Prompt = WorkbookCells.Limit(text, 255);
        return validation;
    }

    private static DataValidation? ValueValidation(Indicator indicator, WorkbookLists lists)
    {
        var scale = indicator.Scale;
        if (scale.IsLabelled)
            return List(lists.Add(indicator.Code, [.. scale.EffectiveLevels.Select(l => l.Label)]), ScaleText.WhatToEnter(scale));
        var count = scale.Type == ValueType.Count;
        var min = count ? Math.Max(scale.Minimum ?? 0, 0) : scale.Minimum;
        var max = scale.Maximum;
        var validation = Stop(count ? DataValidationValues.Whole : DataValidationValues.Decimal, "Valeur non valide", ScaleText.WhatToEnter(scale));
        switch (min, max)
        {
            case ({ } a, { } b):
                validation.Operator = DataValidationOperatorValues.Between;
                validation.Append(new Formula1(Number(a)), new Formula2(Number(b)));
                break;
            case ({ } a, null):
                validation.Operator = DataValidationOperatorValues.GreaterThanOrEqual;
                validation.Append(new Formula1(Number(a)));
                break;
            case (null, { } b):
                validation.Operator = DataValidationOperatorValues.LessThanOrEqual;
                validation.Append(new Formula1(Number(b)));
                break;
            default:
                validation.Operator = DataValidationOperatorValues.Between;
                validation.Append(new Formula1("-1E+300"), new Formula2("1E+300"));
                break;
        }
        return validation;
    }

    private static DataValidation DateValidation(Wave wave)
    {
        var s = wave.Schedule;
        if (s.FixedDate is { } due)
        {
            var window = Stop(DataValidationValues.Date, "Date hors de la fenêtre",
                $"Cette date est en dehors de la fenêtre de collecte (du {WorkbookCells.French(due.AddDays(-s.DaysBefore))} au {WorkbookCells.French(due.AddDays(s.DaysAfter))}). Gardez-la seulement si le recueil a bien eu lieu ce jour-là.");
            window.ErrorStyle = DataValidationErrorStyleValues.Warning;
            window.Operator = DataValidationOperatorValues.Between;
            window.Append(new Formula1(WorkbookCells.DateSerial(due.AddDays(-s.DaysBefore))), new Formula2(WorkbookCells.DateSerial(due.AddDays(s.DaysAfter))));
            return window;
        }
        var any = Stop(DataValidationValues.Date, "Date non valide", "Saisissez une date au format JJ/MM/AAAA (par exemple 15/10/2025).");
        any.Operator = DataValidationOperatorValues.Between;
        any.Append(new Formula1(WorkbookCells.DateSerial(new DateOnly(2000, 1, 1))), new Formula2(WorkbookCells.DateSerial(new DateOnly(2099, 12, 31))));
        return any;
    }

    private static DataValidation List(string definedName, string message)
    {
        var validation = Stop(DataValidationValues.List, "Valeur non prévue", message);
        validation.Append(new Formula1(definedName));
        return validation;
    }

    private static DataValidation Stop(DataValidationValues type, string title, string message) => new()
    {
        Type = type, ErrorStyle = DataValidationErrorStyleValues.Stop, ShowErrorMessage = true,
        ErrorTitle = WorkbookCells.Limit(title, 32), Error = WorkbookCells.Limit(message, 255),
    };

    private static string Number(double value) => PlainNumber.Format(value);

    private static string Limit(string text) => WorkbookCells.Limit(text, 255);
}
