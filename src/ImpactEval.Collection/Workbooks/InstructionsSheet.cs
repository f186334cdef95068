using ClosedXML.Excel;
using ImpactEval.Core.Model;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// The "Instructions" sheet of a collection workbook, in French: what the workbook is for (wave, school, respondent)
/// and the collection window, how to fill the sheet, every column with its scale (levels, range, unit, source,
/// respondent), data-protection reminders and whom to ask.
/// </summary>
internal static class InstructionsSheet
{
    /// <summary>Name of the sheet.</summary>
    public const string SheetName = "Instructions";

    /// <summary>Fills <paramref name="sheet"/>.</summary>
    public static void Write(IXLWorksheet sheet, Protocol protocol, Wave wave, WorkbookScope scope, IReadOnlyList<Indicator> indicators, string dataSheet, int rosterSize)
    {
        var page = new InstructionsWriter(sheet);
        page.Add(WorkbookStyle.Title, $"Classeur de collecte : vague {wave.Code}");
        page.Add(WorkbookStyle.Heading, "Protocole", protocol.Title);
        page.Add(WorkbookStyle.Heading, "Cité éducative", protocol.TerritoryName is null ? protocol.TerritoryCode : $"{protocol.TerritoryName} ({protocol.TerritoryCode})");
        page.Add(WorkbookStyle.Heading, "Vague", $"{wave.Code} : {wave.Label}");
        if (scope.School is { } school && protocol.Cluster is { } cluster)
            page.Add(WorkbookStyle.Heading, cluster.Label, cluster.Units.FirstOrDefault(u => u.Code == school) is { } unit ? $"{unit.Label} ({school})" : school);
        if (scope.Respondent is { } respondent)
            page.Add(WorkbookStyle.Heading, "À remplir par", respondent == WorkbookScope.AnyRespondent ? "les personnes qui recueillent les indicateurs sans répondant désigné" : respondent);
        page.Add(WorkbookStyle.Heading, "Période de collecte", WaveSheet.WindowText(wave));
        page.Add(WorkbookStyle.Heading, "Feuille à remplir", $"« {dataSheet} » (premier onglet du classeur)");
        page.Blank();
        page.Steps("Comment remplir",
        [
            rosterSize > 0
                ? $"Une ligne par participant. Les {rosterSize} participants attendus sont déjà inscrits (colonnes identifiant et vague préremplies) : complétez leur ligne."
                : "Une ligne par participant : saisissez son identifiant (celui du fichier d'inscription) et la vague.",
            $"Pour un participant qui n'est pas dans la liste, ajoutez une ligne en bas : saisissez son identifiant et choisissez la vague {wave.Code}. Il doit avoir été inscrit auparavant.",
            "Ne modifiez pas les en-têtes de la ligne 1 (ils sont protégés), ne renommez pas et ne déplacez pas les feuilles : ImpactEval reconnaît les colonnes à leurs en-têtes.",
            "Saisissez la date de collecte au format JJ/MM/AAAA (par exemple 15/10/2025).",
            "Pour les indicateurs à niveaux, choisissez la valeur dans la liste déroulante. Pour les nombres, utilisez la virgule décimale (12,5).",
            "Laissez vide une valeur qui n'a pas été recueillie : une case vide est une donnée manquante, jamais un zéro.",
            "N'utilisez pas de formules : si vous collez des données calculées, faites « Collage spécial > Valeurs ». Une cellule contenant une formule est refusée à l'import.",
            "Quand la feuille est complète, enregistrez le classeur au format .xlsx et transmettez-le pour l'import dans ImpactEval. Un fichier comportant une erreur est refusé en entier, avec la liste des cellules à corriger.",
        ]);
        page.Add(WorkbookStyle.Heading, $"Colonnes de la feuille « {dataSheet} »");
        page.Add(WorkbookStyle.TableHeader, "Colonne (en-tête)", "Ce qu'il faut saisir", "Type", "Valeurs admises", "Source", "Qui renseigne");
        page.Add(WorkbookStyle.Heading, "identifiant", "L'identifiant du participant dans la cité (celui du fichier d'inscription).", "texte");
        if (scope.School is { } code && protocol.Cluster is { } unitOf)
            page.Add(WorkbookStyle.Heading, unitOf.Code, $"{unitOf.Label} des participants de ce classeur (préremplie).", "liste", code);
        page.Add(WorkbookStyle.Heading, "vague", $"{wave.Code} : {wave.Label}", "liste", wave.Code);
        page.Add(WorkbookStyle.Heading, "date_collecte", "La date du recueil.", "date", "JJ/MM/AAAA. " + WaveSheet.WindowText(wave));
        foreach (var indicator in indicators)
        {
            var scale = indicator.Scale;
            var allowed = scale.IsLabelled ? ScaleText.Levels(scale) : ScaleText.WhatToEnter(scale);
            var applies = indicator.GroupCodes.IsDefaultOrEmpty ? "" : $" (seulement pour : {string.Join(", ", indicator.GroupCodes.Select(g => protocol.FindGroup(g)?.Label ?? g))})";
            page.Add(WorkbookStyle.Heading, indicator.Code, indicator.Label + applies, ScaleText.Kind(scale), allowed, indicator.Source ?? "", indicator.Respondent ?? "");
        }
        page.Blank();
        page.Protection();
        page.Contact(protocol);
        page.Finish();
    }
}
