using System.Text;

namespace ImpactEval.Collection.Import;

/// <summary>
/// A streaming RFC 4180 CSV tokenizer that keeps line numbers: quoted cells may hold separators, doubled
/// quotes and line breaks. It reuses its buffers, so reading a million rows allocates only the cell strings.
/// </summary>
internal sealed class CsvTokenizer(TextReader reader, char delimiter)
{
    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder cell = new();
    private readonly List<string> cells = [];
    private int length;
    private int position;
    private int line = 1;

    /// <summary>1-based line where the last record returned by <see cref="Read"/> started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Whether the last record ended inside an open quote (a truncated file).</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Reads the next record into <paramref name="record"/>; false at end of input.</summary>
    public bool Read(out string[] record)
    {
        cells.Clear();
        cell.Clear();
        RecordLine = line;
        Unterminated = false;
        if (!Fill())
        {
            record = [];
            return false;
        }
        var quoted = false;
        var wasQuoted = false;
        while (Fill())
        {
            var c = buffer[position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (Fill() && buffer[position] == '"') { cell.Append('"'); position++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            if (c == '"' && cell.Length == 0 && !wasQuoted) { quoted = true; wasQuoted = true; }
            else if (c == delimiter) { EndCell(); wasQuoted = false; }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                line++;
                EndCell();
                record = [.. cells];
                return true;
            }
            else cell.Append(c);
        }
        Unterminated = quoted;
        EndCell();
        record = [.. cells];
        return true;
    }

    private void EndCell()
    {
        cells.Add(cell.ToString());
        cell.Clear();
    }

    private bool Fill()
    {
        if (position < length) return true;
        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }
}
