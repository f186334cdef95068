using System.Collections.Immutable;

namespace ImpactEval.Collection.Import;

/// <summary>What an import did, or would do in a dry run.</summary>
/// <param name="File">File name.</param>
/// <param name="Problems">Every problem found; when there is any, nothing was written.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Inserted">Values (or enrolments) created.</param>
/// <param name="Updated">Values changed (the previous value is kept in history).</param>
/// <param name="Unchanged">Values already present and identical.</param>
/// <param name="Written">Whether anything was written (false for a dry run, for any problem, or when nothing changed).</param>
public sealed record ImportResult(string File, ImmutableArray<ImportProblem> Problems, int Rows, int Inserted, int Updated, int Unchanged, bool Written)
{
    /// <summary>
    /// For an import that changed nothing (not a dry run): when the very same file (same bytes) was imported before (UTC),
    /// e.g. by a concurrent process that ran first; null when it was not.
    /// </summary>
    public DateTime? AlreadyImportedAt { get; init; }

    /// <summary>Whether the file was accepted (no problem).</summary>
    public bool Accepted => Problems.IsEmpty;

    /// <summary>A refused import: only problems.</summary>
    public static ImportResult Refused(string file, IEnumerable<ImportProblem> problems, int rows = 0) =>
        new(file, [.. problems], rows, 0, 0, 0, false);
}
