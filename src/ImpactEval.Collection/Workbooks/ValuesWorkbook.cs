using ClosedXML.Excel;
using ImpactEval.Collection.Import;
using ImpactEval.Core.Files;
using ImpactEval.Core.Model;

namespace ImpactEval.Collection.Workbooks;

/// <summary>A territory a values workbook has a row for: its code (what the import reads) and its name (shown in the instructions).</summary>
/// <param name="Code">Territory code.</param>
/// <param name="Name">Territory name, or null.</param>
public sealed record ValuesRow(string Code, string? Name);

/// <summary>
/// The workbook of an aggregated-values campaign (e.g. the national revue de projet), ready to be imported back by
/// <see cref="AggregateValueImporter"/> (<c>impacteval import values</c>): a sheet "Valeurs" whose columns are the
/// ones that import reads — territoire, periode, then one column per indicator of the campaign — with one pre-filled
/// row per territory asked, drop-down lists and number ranges; the Instructions sheet lists the territories by name
/// and every question. No personal data: the rows are territories.
/// </summary>
public static class ValuesWorkbook
{
    /// <summary>Name of the sheet to fill.</summary>
    public const string SheetName = "Valeurs";

    /// <summary>Writes the workbook to <paramref name="output"/> (writable and seekable; left open).</summary>
    /// <param name="protocol">The protocol whose indicators are asked.</param>
    /// <param name="title">What the campaign is, for the instructions (its label).</param>
    /// <param name="period">The period the values describe, as the import reads it ("2023-2024").</param>
    /// <param name="territories">The territories asked, one row each, in this order.</param>
    /// <param name="indicators">The indicators asked, one column each.</param>
    /// <param name="output">Where the .xlsx bytes go.</param>
    /// <exception cref="ArgumentException">No indicator or no territory (French message).</exception>
    public static void Write(Protocol protocol, string title, string period, IReadOnlyList<ValuesRow> territories, IReadOnlyList<Indicator> indicators, Stream output)
    {
        if (indicators.Count == 0) throw new ArgumentException("La campagne ne demande aucun indicateur : il n'y a pas de classeur à produire.", nameof(indicators));
        if (territories.Count == 0) throw new ArgumentException("La campagne n'interroge aucun territoire : il n'y a pas de classeur à produire.", nameof(territories));
        using var workbook = new XLWorkbook(XLEventTracking.Disabled);
        var lists = new WorkbookLists();
        var columns = new List<EntryColumn>
        {
            new("territoire", "Territoire", "Le code du territoire (prérempli) : une ligne par territoire interrogé. Les noms sont dans l'onglet Instructions.",
                Math.Clamp(territories.Max(t => t.Code.Length) + 4, 12, 30), WorkbookStyle.Text, null),
            EntrySheet.ChoiceColumn("periode", "Période", $"La période décrite : {period} (préremplie).", [period], $"Ce classeur est celui de la période {period}.", lists),
        };
        columns.AddRange(indicators.Select(i => EntrySheet.ScaleColumn(i.Code, i.Label, i.Scale, lists)));
        EntrySheet.Write(workbook.AddWorksheet(SheetName), columns, [.. territories.Select(t => (IReadOnlyList<string?>)[t.Code, period])]);
        WriteInstructions(workbook.AddWorksheet(InstructionsSheet.SheetName), protocol, title, period, territories, indicators);
        lists.Write(workbook);
        CollectionWorkbook.Finish(workbook);
        workbook.SaveAs(output);
    }

    /// <summary>Writes the workbook to a file, atomically (see <see cref="AtomicFiles"/>).</summary>
    public static void WriteFile(Protocol protocol, string title, string period, IReadOnlyList<ValuesRow> territories, IReadOnlyList<Indicator> indicators, string path) =>
        AtomicFiles.Write(path, stream => Write(protocol, title, period, territories, indicators, stream));

    private static void WriteInstructions(IXLWorksheet sheet, Protocol protocol, string title, string period, IReadOnlyList<ValuesRow> territories, IReadOnlyList<Indicator> indicators)
    {
        var page = new InstructionsWriter(sheet);
        page.Add(WorkbookStyle.Title, $"Classeur de réponse : {title}");
        page.Add(WorkbookStyle.Heading, "Questionnaire", protocol.Title);
        page.Add(WorkbookStyle.Heading, "Période", period);
        page.Add(WorkbookStyle.Heading, "Feuille à remplir", $"« {SheetName} » (premier onglet du classeur)");
        page.Blank();
        page.Steps("Comment remplir",
        [
            "Une ligne par territoire : les codes et la période sont préremplis, complétez les colonnes des questions.",
            "Ne modifiez pas les en-têtes de la ligne 1 (ils sont protégés), ne renommez pas et ne déplacez pas les feuilles.",
            "Pour les questions à choix, choisissez la réponse dans la liste déroulante. Pour les nombres, utilisez la virgule décimale (12,5).",
            "Laissez vide une question sans réponse : une case vide est une non-réponse, jamais un zéro.",
            "Enregistrez le classeur au format .xlsx et importez-le (impacteval import values). Un fichier comportant une erreur est refusé en entier, avec la liste des cellules à corriger ; réimporter le même fichier ne crée rien en double.",
        ]);
        page.Add(WorkbookStyle.Heading, "Territoires");
        page.Add(WorkbookStyle.TableHeader, "Code", "Nom");
        foreach (var territory in territories) page.Add(WorkbookStyle.Heading, territory.Code, territory.Name ?? "");
        page.Blank();
        page.Add(WorkbookStyle.Heading, $"Colonnes de la feuille « {SheetName} »");
        page.Add(WorkbookStyle.TableHeader, "Colonne (en-tête)", "Question", "Type", "Valeurs admises", "Source", "Qui renseigne");
        foreach (var indicator in indicators)
        {
            var scale = indicator.Scale;
            page.Add(WorkbookStyle.Heading, indicator.Code, indicator.Label, ScaleText.Kind(scale), scale.IsLabelled ? ScaleText.Levels(scale) : ScaleText.WhatToEnter(scale),
                indicator.Source ?? "", indicator.Respondent ?? "");
        }
        page.Blank();
        page.Contact(protocol);
        page.Finish();
    }
}
