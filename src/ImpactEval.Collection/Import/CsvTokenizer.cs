using System.Text;

namespace ImpactEval.Collection.Import;

/// <summary>
/// A streaming RFC 4180 CSV tokenizer that keeps line numbers: quoted cells may hold separators, doubled
/// quotes and line breaks. It reuses its buffers, so reading a million rows allocates only the cell strings.
/// </summary>
/// <remarks>
/// Lines end with LF or CRLF. A carriage return alone outside quotes is not a line end and is not dropped either: it
/// stays in its cell and the record reports it (<see cref="StrayCarriageReturnCell"/>), because dropping it would turn
/// "9\r2" into 92 and treating it as a line end would read an old Mac file differently from what the user sees.
/// A cell longer than <see cref="FieldLimits.Cell"/> characters is cut there and reported (<see cref="OversizedCell"/>),
/// so that memory stays bounded whatever the file.
/// </remarks>
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

    /// <summary>0-based index of the first cell of the last record holding a carriage return outside quotes, or null.</summary>
    public int? StrayCarriageReturnCell { get; private set; }

    /// <summary>0-based index of the first cell of the last record longer than <see cref="FieldLimits.Cell"/>, or null.</summary>
    public int? OversizedCell { get; private set; }

    /// <summary>Reads the next record into <paramref name="record"/>; false at end of input.</summary>
    /// <remarks>
    /// Scans the buffer for the next separator or line break (inside quotes, the next quote) with vectorised searches and copies whole runs
    /// of characters, rather than one character at a time. A quote opens a quoted cell only at the start of a cell;
    /// elsewhere it is an ordinary character.
    /// </remarks>
    public bool Read(out string[] record)
    {
        cells.Clear();
        cell.Clear();
        RecordLine = line;
        Unterminated = false;
        StrayCarriageReturnCell = null;
        OversizedCell = null;
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
                Append(span);
                position = length;
                continue;
            }
            var c = span[stop];
            // The common case, a whole cell inside the buffer, becomes its string at once (no copy through the builder).
            var whole = cell.Length == 0 && c != '\r' && stop <= FieldLimits.Cell ? new string(span[..stop]) : null;
            if (whole is null) Append(span[..stop]);
            position += stop + 1;
            if (c == delimiter)
            {
                EndCell(whole);
                atCellStart = true;
            }
            else if (c == '\n' || (c == '\r' && (!Fill() || buffer[position] == '\n')))
            {
                if (c == '\r' && Fill()) position++;
                line++;
                EndCell(whole);
                record = [.. cells];
                return true;
            }
            else
            {
                StrayCarriageReturnCell ??= cells.Count;
                Append("\r");
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
            Append(run);
            if (quote < 0)
            {
                position = length;
                continue;
            }
            position += quote + 1;
            if (Fill() && buffer[position] == '"')
            {
                Append("\"");
                position++;
                continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>Appends to the current cell, up to one character past the limit (then the cell is reported).</summary>
    private void Append(ReadOnlySpan<char> text)
    {
        var room = FieldLimits.Cell + 1 - cell.Length;
        if (text.Length <= room)
        {
            cell.Append(text);
            return;
        }
        if (room > 0) cell.Append(text[..room]);
        OversizedCell ??= cells.Count;
    }

    private void EndCell(string? whole = null)
    {
        cells.Add(whole ?? cell.ToString());
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
