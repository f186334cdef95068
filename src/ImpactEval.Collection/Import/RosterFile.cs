namespace ImpactEval.Collection.Import;

/// <summary>
/// Reads the list of the cité's own participant identifiers from one of its files (CSV or XLSX with an
/// "identifiant" column, e.g. its enrolment file). ImpactEval stores only pseudonyms, so whenever a person-facing
/// list is needed (a collection workbook roster, an overdue list with names) the identifiers come from such a file
/// and are used in memory only.
/// </summary>
public static class RosterFile
{
    /// <summary>The distinct non-empty identifiers of the file, in file order; problems (unreadable file, no identifier column) are added to <paramref name="problems"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Where problems go.</param>
    public static IReadOnlyList<string> ReadIdentifiers(string path, List<ImportProblem> problems)
    {
        using var table = TabularSource.OpenFile(path, problems);
        if (problems.Count > 0) return [];
        var column = table.Headers.ToList().FindIndex(ColumnMap.IsIdentifierHeader);
        if (column < 0)
        {
            problems.Add(new ImportProblem(Path.GetFileName(path), 1, null, null, null, "Colonne «\u202Fidentifiant\u202F» introuvable.",
                "La liste des participants doit avoir une colonne «\u202Fidentifiant\u202F»."));
            return [];
        }
        return [.. table.Rows.Select(r => r.Cells[column].Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
