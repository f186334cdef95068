namespace ImpactEval.Collection.Import;

/// <summary>A workbook over one of the <see cref="XlsxLimits"/>, or a cell over <see cref="FieldLimits.Cell"/>: the whole file is refused.</summary>
internal sealed class XlsxRefusedException(string message, string hint, int line = 0, int? column = null) : Exception(message)
{
    /// <summary>How to fix the file, in French.</summary>
    public string Hint { get; } = hint;

    /// <summary>The row where reading stopped, or 0 for the whole file.</summary>
    public int Line { get; } = line;

    /// <summary>The 1-based column, or null.</summary>
    public int? Column { get; } = column;
}
