using ClosedXML.Excel;
using ImpactEval.Collection.Import;
using ImpactEval.Core.Files;
using ImpactEval.Core.Model;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// The enrolment template of a protocol (.xlsx), ready to be imported back by <see cref="EnrolmentImporter"/>
/// (<c>impacteval enrol</c>): a sheet "Inscriptions" with the columns the importer reads — identifiant, groupe, the
/// school column when the protocol has schools, date_inscription, motif and one column per baseline covariate — with
/// drop-down lists of the groups, schools and covariate levels, number ranges and a date check; an "Instructions" sheet
/// explaining each column and the identifier rules; the hidden list sheet. Layout: <see cref="EntrySheet"/>.
/// </summary>
public static class EnrolmentWorkbook
{
    /// <summary>Name of the sheet to fill.</summary>
    public const string SheetName = "Inscriptions";

    /// <summary>Writes the enrolment template of <paramref name="protocol"/> to <paramref name="output"/> (writable and seekable; left open).</summary>
    public static void Write(Protocol protocol, Stream output)
    {
        using var workbook = new XLWorkbook(XLEventTracking.Disabled);
        var lists = new WorkbookLists();
        var columns = Columns(protocol, lists);
        EntrySheet.Write(workbook.AddWorksheet(SheetName), columns, []);
        WriteInstructions(workbook.AddWorksheet(InstructionsSheet.SheetName), protocol);
        lists.Write(workbook);
        CollectionWorkbook.Finish(workbook);
        workbook.SaveAs(output);
    }

    /// <summary>Writes the enrolment template to a file, atomically (see <see cref="AtomicFiles"/>); readable by its owner only, since it will hold identifiers.</summary>
    public static void WriteFile(Protocol protocol, string path) =>
        AtomicFiles.Write(path, stream => Write(protocol, stream), AtomicFiles.OwnerOnly);

    private static List<EntryColumn> Columns(Protocol protocol, WorkbookLists lists)
    {
        var columns = new List<EntryColumn>
        {
            EntrySheet.IdentifierColumn(IdentifierRule, []),
            EntrySheet.ChoiceColumn("groupe", "Groupe", "Le groupe du participant à l'inscription : " + string.Join(" ; ", protocol.Groups.Select(g => g.Label)) + ".",
                [.. protocol.Groups.Select(g => g.Label)], "Choisissez le groupe dans la liste.", lists),
        };
        if (protocol.Cluster is { } cluster)
            columns.Add(EntrySheet.ChoiceColumn(cluster.Code, cluster.Label, $"{cluster.Label} du participant à l'inscription.",
                [.. cluster.Units.Select(u => u.Label)], $"Choisissez {cluster.Label.ToLowerInvariant()} dans la liste.", lists));
        columns.Add(new EntryColumn("date_inscription", "Date d'inscription", "Date de l'inscription dans le protocole, au format JJ/MM/AAAA : elle date les vagues fixées par rapport à l'inscription.",
            16, WorkbookStyle.Date, EntrySheet.AnyDate()));
        columns.Add(new EntryColumn("motif", "Motif (facultatif)", "Pourquoi le participant est inscrit dans ce groupe (facultatif, texte court). N'y écrivez aucune information de santé ni aucun nom.",
            30, WorkbookStyle.Text, null));
        columns.AddRange(protocol.Covariates.Select(c => EntrySheet.ScaleColumn(c.Code, c.Label, c.Scale, lists)));
        return columns;
    }

    private const string IdentifierRule =
        "L'identifiant du participant dans la cité (par exemple le numéro de dossier), 64 caractères au plus, jamais le nom. Le même dans tous les fichiers, majuscules comprises.";

    private static void WriteInstructions(IXLWorksheet sheet, Protocol protocol)
    {
        var page = new InstructionsWriter(sheet);
        page.Add(WorkbookStyle.Title, "Modèle de fichier d'inscription");
        page.Add(WorkbookStyle.Heading, "Protocole", protocol.Title);
        page.Add(WorkbookStyle.Heading, "Cité éducative", protocol.TerritoryName is null ? protocol.TerritoryCode : $"{protocol.TerritoryName} ({protocol.TerritoryCode})");
        page.Add(WorkbookStyle.Heading, "Feuille à remplir", $"« {SheetName} » (premier onglet du classeur)");
        page.Blank();
        page.Steps("Comment remplir",
        [
            "Une ligne par participant inscrit dans le protocole, sous la ligne d'en-têtes.",
            "Ne modifiez pas les en-têtes de la ligne 1 (ils sont protégés), ne renommez pas et ne déplacez pas les feuilles.",
            "Choisissez le groupe" + (protocol.Cluster is { } c ? $" et {c.Label.ToLowerInvariant()}" : "") + " dans les listes déroulantes.",
            "Saisissez la date d'inscription au format JJ/MM/AAAA ; elle ne peut pas être postérieure au jour de l'import.",
            "Les caractéristiques à l'inscription (colonnes suivantes) servent à comparer les groupes et à ajuster les estimations : laissez vide celle qui n'est pas connue, n'inventez rien.",
            "Quand la feuille est complète, enregistrez le classeur au format .xlsx et importez-le (impacteval enrol, ou la page « Inscriptions » de l'application). Un fichier comportant une erreur est refusé en entier, avec la liste des cellules à corriger ; réimporter le même fichier ne crée rien en double.",
        ]);
        page.Steps("Règles de l'identifiant",
        [
            "L'identifiant est celui que la cité utilise déjà (numéro de dossier, numéro d'inscription) : jamais un nom, un prénom ou une date de naissance.",
            "Il doit rester le même dans tous les fichiers (inscription, classeurs de collecte) : ImpactEval reconnaît un participant à son identifiant.",
            "Majuscules et minuscules comptent pour l'écriture, mais deux identifiants qui ne diffèrent que par la casse (DOS-001 et dos-001) sont refusés : ce serait la même personne enregistrée deux fois.",
            "64 caractères au plus, sans caractère de contrôle ; les espaces au début et à la fin sont ignorés.",
            "ImpactEval ne conserve pas l'identifiant, seulement un pseudonyme calculé avec une clé propre à l'installation : gardez ce fichier, qui fait le lien, dans un espace sécurisé.",
        ]);
        page.Add(WorkbookStyle.Heading, $"Colonnes de la feuille « {SheetName} »");
        page.Add(WorkbookStyle.TableHeader, "Colonne (en-tête)", "Ce qu'il faut saisir", "Type", "Valeurs admises");
        page.Add(WorkbookStyle.Heading, "identifiant", "L'identifiant du participant dans la cité.", "texte", "64 caractères au plus");
        page.Add(WorkbookStyle.Heading, "groupe", "Le groupe à l'inscription.", "liste", string.Join(" ; ", protocol.Groups.Select(g => $"{g.Label} ({g.Code})")));
        if (protocol.Cluster is { } cluster)
            page.Add(WorkbookStyle.Heading, cluster.Code, $"{cluster.Label} à l'inscription.", "liste", string.Join(" ; ", cluster.Units.Select(u => $"{u.Label} ({u.Code})")));
        page.Add(WorkbookStyle.Heading, "date_inscription", "La date d'inscription.", "date", "JJ/MM/AAAA");
        page.Add(WorkbookStyle.Heading, "motif", "Pourquoi ce groupe (facultatif).", "texte", "1 000 caractères au plus");
        foreach (var covariate in protocol.Covariates)
            page.Add(WorkbookStyle.Heading, covariate.Code, covariate.Label, ScaleText.Kind(covariate.Scale),
                covariate.Scale.IsLabelled ? ScaleText.Levels(covariate.Scale) : ScaleText.WhatToEnter(covariate.Scale));
        page.Blank();
        page.Protection();
        page.Contact(protocol);
        page.Finish();
    }
}
