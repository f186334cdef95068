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
    /// <remarks>
    /// Scans the buffer for the next separator or line break (inside quotes, the next quote) with vectorised searches and copies whole runs
    /// of characters, rather than one character at a time. A quote opens a quoted cell only at the start of a cell;
    /// elsewhere it is an ordinary character. Carriage returns outside quotes are ignored.
    /// </remarks>
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
        var atCellStart = true;
        while (Fill())
        {
            if (atCellStart && buffer[position] == '"')
            {
                position++;
                atCellStart = false;
                if (ReadQuoted()) continue;
                Unterminated = true;
                break;
            }
            atCellStart = false;
            var span = buffer.AsSpan(position, length - position);
            var stop = span.IndexOfAny(delimiter, '\n', '\r');
            if (stop < 0)
            {
                cell.Append(span);
                position = length;
                continue;
            }
            cell.Append(span[..stop]);
            var c = span[stop];
            position += stop + 1;
            if (c == delimiter)
            {
                EndCell();
                atCellStart = true;
            }
            else if (c == '\n')
            {
                line++;
                EndCell();
                record = [.. cells];
                return true;
            }
        }
        EndCell();
        record = [.. cells];
        return true;
    }

    /// <summary>Reads a quoted cell after its opening quote; false when the input ends inside the quotes.</summary>
    private bool ReadQuoted()
    {
        while (Fill())
        {
            var span = buffer.AsSpan(position, length - position);
            var quote = span.IndexOf('"');
            var run = quote < 0 ? span : span[..quote];
            line += run.Count('\n');
            cell.Append(run);
            if (quote < 0)
            {
                position = length;
                continue;
            }
            position += quote + 1;
            if (Fill() && buffer[position] == '"')
            {
                cell.Append('"');
                position++;
                continue;
            }
            return true;
        }
        return false;
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
