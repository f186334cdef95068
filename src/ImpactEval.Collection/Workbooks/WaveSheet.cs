using ImpactEval.Core.Model;
using ClosedXML.Excel;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// The sheet to fill for one wave: header row identifiant, the school column when the workbook is one school's, vague,
/// date_collecte, then one column per indicator collected at the wave by the workbook's respondent (header = indicator
/// code, which the observation importer matches exactly); one row per expected participant with identifiant, school
/// and vague pre-filled. Layout and protection: <see cref="EntrySheet"/>.
/// </summary>
internal static class WaveSheet
{
    /// <summary>Fills <paramref name="sheet"/>, the sheet of <paramref name="wave"/>.</summary>
    public static void Write(IXLWorksheet sheet, Protocol protocol, Wave wave, IReadOnlyList<Indicator> indicators, string? school, IReadOnlyList<string> identifiers,
        WorkbookLists lists)
    {
        var columns = new List<EntryColumn>
        {
            EntrySheet.IdentifierColumn("L'identifiant du participant dans la cité, celui du fichier d'inscription. Prérempli pour les participants attendus.", identifiers),
        };
        if (school is not null && protocol.Cluster is { } cluster)
            columns.Add(EntrySheet.ChoiceColumn(cluster.Code, cluster.Label, $"{cluster.Label} : {school}. Préremplie, pour classer les lignes : l'import retient l'école de l'inscription.",
                [school], $"Ce classeur est celui de {cluster.Label.ToLowerInvariant()} {school}.", lists));
        columns.Add(EntrySheet.ChoiceColumn("vague", "Vague", $"{wave.Code} : {wave.Label}. Préremplie pour les participants attendus ; pour un participant ajouté, choisissez {wave.Code}.",
            [wave.Code], $"Cette feuille est celle de la vague {wave.Code}.", lists));
        columns.Add(new EntryColumn("date_collecte", "Date de collecte", EntrySheet.Limit("Date du recueil, au format JJ/MM/AAAA. " + WindowText(wave)), 14, WorkbookStyle.Date, DateRule(wave)));
        columns.AddRange(indicators.Select(i => EntrySheet.ScaleColumn(i.Code, i.Label, i.Scale, lists)));

        var rows = identifiers.Select(id => (IReadOnlyList<string?>)(school is null ? [id, wave.Code] : [id, school, wave.Code])).ToList();
        EntrySheet.Write(sheet, columns, rows);
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

    private static EntryRule DateRule(Wave wave)
    {
        var s = wave.Schedule;
        if (s.FixedDate is not { } due) return EntrySheet.AnyDate();
        var (from, to) = (due.AddDays(-s.DaysBefore), due.AddDays(s.DaysAfter));
        return new EntryRule(XLAllowedValues.Date, XLOperator.Between, WorkbookCells.DateSerial(from), WorkbookCells.DateSerial(to), XLErrorStyle.Warning, "Date hors de la fenêtre",
            $"Cette date est en dehors de la fenêtre de collecte (du {WorkbookCells.French(from)} au {WorkbookCells.French(to)}). Gardez-la seulement si le recueil a bien eu lieu ce jour-là.");
    }
}
