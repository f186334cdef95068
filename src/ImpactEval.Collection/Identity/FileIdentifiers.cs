using ImpactEval.Collection.Import;

namespace ImpactEval.Collection.Identity;

/// <summary>The identifiers already met in a file of one row per participant: a second row for the same person — same identifier, or one differing only by case — is a problem naming both lines.</summary>
/// <param name="file">File name for problems.</param>
internal sealed class FileIdentifiers(string file)
{
    private readonly Dictionary<string, RowIdentifier> byFoldKey = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="row"/>, or adds a problem and returns false when its person already has a row.</summary>
    public bool Add(RowIdentifier row, List<ImportProblem> problems)
    {
        if (byFoldKey.TryAdd(row.Keys.FoldKey, row)) return true;
        var first = byFoldKey[row.Keys.FoldKey];
        problems.Add(first.Keys.Pseudonym == row.Keys.Pseudonym
            ? new ImportProblem(file, row.Line, row.Column, row.ColumnName, null, $"Ce participant est déjà inscrit ligne {first.Line} du fichier.", "Gardez une seule ligne par participant.")
            : IdentityMessages.CaseVariantInFile(file, row, first));
        return false;
    }
}
