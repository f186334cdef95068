namespace ImpactEval.Core.Model;

/// <summary>A place in a source file: 1-based line and column.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position used when no better place is known (start of file).</summary>
    public static SourcePosition Start => new(1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
