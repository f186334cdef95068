namespace ImpactEval.Collection.Import;

/// <summary>One problem found in an imported file, placed (file, line, column), in French, with a hint.</summary>
/// <param name="File">File name as given.</param>
/// <param name="Line">1-based line in the file (the header is line 1), or 0 for the whole file.</param>
/// <param name="Column">1-based column number, or null for the whole line or file.</param>
/// <param name="ColumnName">The column's header, if known.</param>
/// <param name="Value">The offending cell text, if any (never for identifier columns: they are personal data; only the messages of identity problems quote the identifier, which the person importing has in the file, and refused files store nothing).</param>
/// <param name="Message">What is wrong, in French.</param>
/// <param name="Hint">How to fix it, in French.</param>
public sealed record ImportProblem(string File, int Line, int? Column, string? ColumnName, string? Value, string Message, string? Hint = null)
{
    /// <summary>"fichier.csv, ligne 12, colonne 4 (COOP_PROPRETE) : message Conseil : hint".</summary>
    public override string ToString()
    {
        var place = Line == 0 ? File : $"{File}, ligne {Line}";
        if (Column is { } column) place += $", colonne {column}" + (ColumnName is null ? "" : $" ({ColumnName})");
        return $"{place} : {Message}" + (Hint is null ? "" : $" Conseil : {Hint}");
    }
}
