namespace ImpactEval.Collection.Import;

/// <summary>
/// A tabular file opened from disk by <see cref="TabularSource.OpenFile"/>: its format, headers and rows. It owns
/// the file handle: enumerate <see cref="Rows"/> before disposing it.
/// </summary>
public sealed class TabularTable : IDisposable
{
    private readonly Stream stream;

    internal TabularTable(Stream stream, TabularFormat format, string[] headers, IEnumerable<TabularRow> rows)
    {
        this.stream = stream;
        Format = format;
        Headers = headers;
        Rows = rows;
    }

    /// <summary>The recognised format.</summary>
    public TabularFormat Format { get; }

    /// <summary>The header cells, trimmed; empty when the file could not be read.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows, read lazily from the file (the header is line 1).</summary>
    public IEnumerable<TabularRow> Rows { get; }

    /// <inheritdoc />
    public void Dispose() => stream.Dispose();
}
