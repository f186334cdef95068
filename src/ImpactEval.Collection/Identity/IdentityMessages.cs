using ImpactEval.Collection.Import;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Identity;

/// <summary>
/// The problems of identity an import can meet, in French, placed at the identifier's cell. The identifier is shown as
/// written: the person importing has it in their file, and refused imports store nothing.
/// </summary>
internal static class IdentityMessages
{
    /// <summary>A row whose identifier differs only by case from a participant already in the store.</summary>
    public static ImportProblem CaseVariantOfStored(string file, RowIdentifier row) => new(file, row.Line, row.Column, row.ColumnName, null,
        $"L’identifiant «\u202F{row.Identifier}\u202F» ne diffère que par la casse de celui d’un participant déjà enregistré\u202F: les identifiants sont comparés sans tenir compte de la casse, ce serait la même personne enregistrée deux fois.",
        "Écrivez l’identifiant exactement comme dans le premier fichier d’inscription de ce participant (majuscules et minuscules comprises).");

    /// <summary>Two rows of one file whose identifiers differ only by case.</summary>
    public static ImportProblem CaseVariantInFile(string file, RowIdentifier row, RowIdentifier first) => new(file, row.Line, row.Column, row.ColumnName, null,
        $"L’identifiant «\u202F{row.Identifier}\u202F» ne diffère que par la casse de celui de la ligne {first.Line} («\u202F{first.Identifier}\u202F»)\u202F: les identifiants sont comparés sans tenir compte de la casse.",
        "Gardez une seule ligne par participant, et la même écriture de son identifiant dans tous les fichiers.");

    /// <summary>A row naming a participant erased on <paramref name="erasedOn"/>.</summary>
    public static ImportProblem Erased(string file, RowIdentifier row, DateOnly erasedOn, bool enrolment) => new(file, row.Line, row.Column, row.ColumnName, null,
        $"Le participant «\u202F{row.Identifier}\u202F» a été effacé le {FrenchDate.Format(erasedOn)} (droit à l’effacement)\u202F: un import ne peut pas le recréer.",
        enrolment
            ? "Retirez la ligne. Si la famille a donné un nouveau consentement, réinscrivez-le avec «\u202Fimpacteval enrol --reinscrire\u202F» (la réinscription est journalisée)."
            : "Retirez la ligne. Si la famille a donné un nouveau consentement, importez d’abord sa réinscription (impacteval enrol --reinscrire).");

    /// <summary>A row of an observation file naming nobody enrolled in the protocol.</summary>
    public static ImportProblem NotEnrolled(string file, RowIdentifier row) => new(file, row.Line, row.Column, row.ColumnName, null,
        "Ce participant n'est pas inscrit dans le protocole.", "Importez d'abord son inscription (impacteval enrol), ou corrigez l'identifiant.");
}
