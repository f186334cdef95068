using DocumentFormat.OpenXml.Spreadsheet;
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

    /// <summary>The worksheet.</summary>
    public static Worksheet Build(Protocol protocol, Wave wave, IReadOnlyList<Indicator> indicators, string dataSheet, int rosterSize)
    {
        var rows = new List<Row>();
        void Add(uint style, params string[] texts)
        {
            var r = rows.Count + 1;
            rows.Add(WorkbookCells.Row(r, [.. texts.Select((t, c) => WorkbookCells.Text(c, r, t, c == 0 ? style : style == WorkbookStyles.TableHeader ? style : WorkbookStyles.Paragraph))]));
        }
        void Blank() => rows.Add(WorkbookCells.Row(rows.Count + 1));

        Add(WorkbookStyles.Title, $"Classeur de collecte : vague {wave.Code}");
        Add(WorkbookStyles.Heading, "Protocole", protocol.Title);
        Add(WorkbookStyles.Heading, "Cité éducative", protocol.TerritoryName is null ? protocol.TerritoryCode : $"{protocol.TerritoryName} ({protocol.TerritoryCode})");
        Add(WorkbookStyles.Heading, "Vague", $"{wave.Code} : {wave.Label}");
        Add(WorkbookStyles.Heading, "Période de collecte", WaveSheet.WindowText(wave));
        Add(WorkbookStyles.Heading, "Feuille à remplir", $"« {dataSheet} » (premier onglet du classeur)");
        Blank();
        Add(WorkbookStyles.Heading, "Comment remplir");
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
        for (var i = 0; i < steps.Length; i++) Add(WorkbookStyles.Heading, $"{i + 1}.", steps[i]);
        Blank();
        Add(WorkbookStyles.Heading, $"Colonnes de la feuille « {dataSheet} »");
        Add(WorkbookStyles.TableHeader, "Colonne (en-tête)", "Ce qu'il faut saisir", "Type", "Valeurs admises", "Source", "Qui renseigne");
        Add(WorkbookStyles.Heading, "identifiant", "L'identifiant du participant dans la cité (celui du fichier d'inscription).", "texte");
        Add(WorkbookStyles.Heading, "vague", $"{wave.Code} : {wave.Label}", "liste", wave.Code);
        Add(WorkbookStyles.Heading, "date_collecte", "La date du recueil.", "date", "JJ/MM/AAAA. " + WaveSheet.WindowText(wave));
        foreach (var indicator in indicators)
        {
            var scale = indicator.Scale;
            var allowed = scale.IsLabelled ? ScaleText.Levels(scale) : ScaleText.WhatToEnter(scale);
            Add(WorkbookStyles.Heading, indicator.Code, indicator.Label, ScaleText.Kind(scale), allowed, indicator.Source ?? "", indicator.Respondent ?? "");
        }
        Blank();
        Add(WorkbookStyles.Heading, "Protection des données");
        Add(WorkbookStyles.Heading, "", "Ce classeur contient les identifiants de participants mineurs et de leurs familles : conservez-le sur un poste ou un espace sécurisé, ne l'envoyez pas par une messagerie non sécurisée, et supprimez vos copies après l'import. ImpactEval ne conserve pas ces identifiants, seulement des pseudonymes.");
        Blank();
        Add(WorkbookStyles.Heading, "Contact");
        Add(WorkbookStyles.Heading, "", $"Pour toute question sur ce classeur ou sur un indicateur, adressez-vous à {Contact} de la cité éducative.");

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            new Columns(
                new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 70, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 18, CustomWidth = true },
                new Column { Min = 4, Max = 4, Width = 45, CustomWidth = true },
                new Column { Min = 5, Max = 5, Width = 30, CustomWidth = true },
                new Column { Min = 6, Max = 6, Width = 18, CustomWidth = true }),
            new SheetData(rows),
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false },
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }
}
