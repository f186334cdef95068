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
    public static IReadOnlyList<string> ReadIdentifiers(string path, List<ImportProblem> problems) =>
        Read(path, problems) is { } roster ? [.. roster.Rows.Select(r => r.Identifier)] : [];

    /// <summary>
    /// The distinct non-empty identifiers of the file with the line of their first occurrence, and the identifier
    /// column; null with problems added when the file cannot be read or has no identifier column.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Where problems go.</param>
    public static Roster? Read(string path, List<ImportProblem> problems)
    {
        using var table = TabularSource.OpenFile(path, problems);
        if (problems.Count > 0) return null;
        var fileName = Path.GetFileName(path);
        var column = table.Headers.ToList().FindIndex(ColumnMap.IsIdentifierHeader);
        if (column < 0)
        {
            problems.Add(new ImportProblem(fileName, 1, null, null, null, "Colonne «\u202Fidentifiant\u202F» introuvable.",
                "La liste des participants doit avoir une colonne «\u202Fidentifiant\u202F»."));
            return null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(string Identifier, int Line)>();
        foreach (var row in table.Rows)
        {
            var id = row.Cells[column].Trim();
            if (id.Length > 0 && seen.Add(id)) rows.Add((id, row.Line));
        }
        return new Roster(fileName, new MappedColumn(column, table.Headers[column], ColumnKind.Identifier, null), rows);
    }
}

/// <summary>The identifiers of a roster file with the line where each first appears.</summary>
/// <param name="FileName">File name, for problems.</param>
/// <param name="Column">The identifier column.</param>
/// <param name="Rows">Each distinct identifier and its line, in file order.</param>
public sealed record Roster(string FileName, MappedColumn Column, IReadOnlyList<(string Identifier, int Line)> Rows);
