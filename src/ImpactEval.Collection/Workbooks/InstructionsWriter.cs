using ClosedXML.Excel;
using ImpactEval.Core.Model;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// Writes the "Instructions" sheet of a generated workbook row by row (a first cell in bold, the others as paragraphs),
/// with the parts every workbook shares: the numbered steps, the column table, the data-protection reminder and whom
/// to ask (the protocol's <c>contact:</c>, else the cité's operational project lead).
/// </summary>
internal sealed class InstructionsWriter(IXLWorksheet sheet)
{
    private int row;

    /// <summary>A row: a heading (or a title) then paragraphs.</summary>
    public void Add(WorkbookStyle style, params string[] texts)
    {
        row++;
        for (var c = 0; c < texts.Length; c++)
            WorkbookCells.Text(sheet.Cell(row, c + 1), texts[c], c == 0 || style == WorkbookStyle.TableHeader ? style : WorkbookStyle.Paragraph);
    }

    /// <summary>An empty row.</summary>
    public void Blank() => row++;

    /// <summary>A heading followed by numbered steps.</summary>
    public void Steps(string heading, IReadOnlyList<string> steps)
    {
        Add(WorkbookStyle.Heading, heading);
        for (var i = 0; i < steps.Count; i++) Add(WorkbookStyle.Heading, $"{i + 1}.", steps[i]);
        Blank();
    }

    /// <summary>The reminder that the file holds personal data (for workbooks that print identifiers or will hold them).</summary>
    public void Protection()
    {
        Add(WorkbookStyle.Heading, "Protection des données");
        Add(WorkbookStyle.Heading, "", "Ce classeur contient les identifiants de participants mineurs et de leurs familles : conservez-le sur un poste ou un espace sécurisé, ne l'envoyez pas par une messagerie non sécurisée, et supprimez vos copies après l'import. ImpactEval ne conserve pas ces identifiants, seulement des pseudonymes.");
        Blank();
    }

    /// <summary>Whom to ask: the protocol's contact (name and e-mail), or the cité's operational project lead when the protocol names none.</summary>
    public void Contact(Protocol protocol)
    {
        Add(WorkbookStyle.Heading, "Contact");
        Add(WorkbookStyle.Heading, "", ContactSentence(protocol));
    }

    /// <summary>Sets the column widths and protects the sheet (no password: selection and resizing stay possible).</summary>
    public void Finish()
    {
        double[] widths = [24, 70, 18, 45, 30, 18];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.Protect(null, XLProtectionAlgorithm.Algorithm.SimpleHash,
            XLSheetProtectionElements.SelectEverything | XLSheetProtectionElements.FormatColumns | XLSheetProtectionElements.FormatRows);
    }

    /// <summary>Whom to ask, in a sentence: the protocol's contact (name, e-mail) or, when it names none, the cité's operational project lead.</summary>
    public static string ContactSentence(Protocol protocol) => protocol.Contact switch
    {
        { Email: { } email } c => $"Pour toute question sur ce classeur ou sur un indicateur : {c.Name}, {email}.",
        { } c => $"Pour toute question sur ce classeur ou sur un indicateur : {c.Name}.",
        null => "Pour toute question sur ce classeur ou sur un indicateur, adressez-vous à la cheffe ou au chef de projet opérationnel de la cité éducative.",
    };
}
