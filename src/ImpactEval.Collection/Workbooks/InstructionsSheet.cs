using ClosedXML.Excel;
using ImpactEval.Core.Model;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// The "Instructions" sheet of a collection workbook, in French: what the workbook is for, the wave and its
/// collection window, how to fill the sheet, every column with its scale (levels, range, unit, source,
/// respondent), data-protection reminders and whom to ask.
/// </summary>
internal static class InstructionsSheet
{
    /// <summary>Name of the sheet.</summary>
    public const string SheetName = "Instructions";

    /// <summary>Who to contact; the protocol names no person, so the workbook names the role.</summary>
    public const string Contact = "le chef de projet opérationnel";

    /// <summary>Fills <paramref name="sheet"/>.</summary>
    public static void Write(IXLWorksheet sheet, Protocol protocol, Wave wave, IReadOnlyList<Indicator> indicators, string dataSheet, int rosterSize)
    {
        var row = 0;
        void Add(WorkbookStyle style, params string[] texts)
        {
            row++;
            for (var c = 0; c < texts.Length; c++)
                WorkbookCells.Text(sheet.Cell(row, c + 1), texts[c], c == 0 || style == WorkbookStyle.TableHeader ? style : WorkbookStyle.Paragraph);
        }
        void Blank() => row++;

        Add(WorkbookStyle.Title, $"Classeur de collecte : vague {wave.Code}");
        Add(WorkbookStyle.Heading, "Protocole", protocol.Title);
        Add(WorkbookStyle.Heading, "Cité éducative", protocol.TerritoryName is null ? protocol.TerritoryCode : $"{protocol.TerritoryName} ({protocol.TerritoryCode})");
        Add(WorkbookStyle.Heading, "Vague", $"{wave.Code} : {wave.Label}");
        Add(WorkbookStyle.Heading, "Période de collecte", WaveSheet.WindowText(wave));
        Add(WorkbookStyle.Heading, "Feuille à remplir", $"« {dataSheet} » (premier onglet du classeur)");
        Blank();
        Add(WorkbookStyle.Heading, "Comment remplir");
        string[] steps =
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
        ];
        for (var i = 0; i < steps.Length; i++) Add(WorkbookStyle.Heading, $"{i + 1}.", steps[i]);
        Blank();
        Add(WorkbookStyle.Heading, $"Colonnes de la feuille « {dataSheet} »");
        Add(WorkbookStyle.TableHeader, "Colonne (en-tête)", "Ce qu'il faut saisir", "Type", "Valeurs admises", "Source", "Qui renseigne");
        Add(WorkbookStyle.Heading, "identifiant", "L'identifiant du participant dans la cité (celui du fichier d'inscription).", "texte");
        Add(WorkbookStyle.Heading, "vague", $"{wave.Code} : {wave.Label}", "liste", wave.Code);
        Add(WorkbookStyle.Heading, "date_collecte", "La date du recueil.", "date", "JJ/MM/AAAA. " + WaveSheet.WindowText(wave));
        foreach (var indicator in indicators)
        {
            var scale = indicator.Scale;
            var allowed = scale.IsLabelled ? ScaleText.Levels(scale) : ScaleText.WhatToEnter(scale);
            Add(WorkbookStyle.Heading, indicator.Code, indicator.Label, ScaleText.Kind(scale), allowed, indicator.Source ?? "", indicator.Respondent ?? "");
        }
        Blank();
        Add(WorkbookStyle.Heading, "Protection des données");
        Add(WorkbookStyle.Heading, "", "Ce classeur contient les identifiants de participants mineurs et de leurs familles : conservez-le sur un poste ou un espace sécurisé, ne l'envoyez pas par une messagerie non sécurisée, et supprimez vos copies après l'import. ImpactEval ne conserve pas ces identifiants, seulement des pseudonymes.");
        Blank();
        Add(WorkbookStyle.Heading, "Contact");
        Add(WorkbookStyle.Heading, "", $"Pour toute question sur ce classeur ou sur un indicateur, adressez-vous à {Contact} de la cité éducative.");

        double[] widths = [24, 70, 18, 45, 30, 18];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.Protect(null, XLProtectionAlgorithm.Algorithm.SimpleHash,
            XLSheetProtectionElements.SelectEverything | XLSheetProtectionElements.FormatColumns | XLSheetProtectionElements.FormatRows);
    }
}
