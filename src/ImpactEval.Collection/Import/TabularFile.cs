using System.Text;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Import;

/// <summary>One data row of a tabular file with its line number in the file.</summary>
/// <param name="Line">1-based line where the row starts (the header is line 1).</param>
/// <param name="Cells">Cell texts, as many as there are header columns.</param>
public readonly record struct TabularRow(int Line, string[] Cells);

/// <summary>
/// Reads a CSV file the way French users produce them: UTF-8 with or without BOM, or Windows-1252 (detected);
/// ";" or "," or tab as separator (detected on the header); quoted cells; LF or CRLF line ends. Problems (empty file,
/// truncated quote, a row with too many or too few cells, a carriage return alone, a cell longer than
/// <see cref="FieldLimits.Cell"/>) are collected with their line and column, never thrown.
/// </summary>
/// <remarks>
/// The reader contract, the same for CSV and XLSX: every cell is read exactly as sent or the row is refused. A row
/// with fewer cells than the header is refused (a file cut during a transfer); only a row with the header's full
/// separator count may leave its trailing cells empty. Nothing is padded, dropped or guessed.
/// </remarks>
public static class TabularFile
{
    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding of a file: UTF-8 when its bytes are valid UTF-8 (BOM or not), else Windows-1252.</summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        var start = stream.Position;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[1 << 17];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0) decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>Reads the header and streams the rows of a CSV file.</summary>
    /// <param name="stream">The file's bytes (seekable).</param>
    /// <param name="fileName">Name for problems.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="headers">The header cells, trimmed; empty when the file has no header.</param>
    /// <remarks>
    /// Two encoding accidents are refused before reading, because every cell would be misread: NUL bytes without a
    /// UTF-16 byte-order mark (a "Texte Unicode" export that lost its mark, or a binary file renamed .csv), and text
    /// converted twice (UTF-8 read as Windows-1252 and saved again: « Ã© » instead of « é »).
    /// </remarks>
    public static IEnumerable<TabularRow> ReadCsv(Stream stream, string fileName, List<ImportProblem> problems, out string[] headers)
    {
        headers = [];
        if (EncodingAccident(stream, fileName) is { } accident)
        {
            problems.Add(accident);
            return [];
        }
        var encoding = DetectEncoding(stream);
        var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var firstLine = FirstLine(reader);
        if (string.IsNullOrWhiteSpace(firstLine.Trim('\uFEFF')))
        {
            problems.Add(new ImportProblem(fileName, 1, 1, null, null, "Le fichier est vide.", "Le fichier doit commencer par une ligne d’en-têtes (identifiant;vague;…)."));
            return [];
        }
        stream.Position = 0;
        reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var tokenizer = new CsvTokenizer(reader, DetectDelimiter(firstLine));
        tokenizer.Read(out var header);
        if (tokenizer.StrayCarriageReturnCell is { } cell)
        {
            problems.Add(new ImportProblem(fileName, 1, cell + 1, null, null,
                "Les lignes du fichier se terminent par un retour chariot seul (format des anciens Mac)\u202F: ImpactEval ne peut pas savoir où commence chaque ligne.",
                "Enregistrez le fichier depuis le tableur au format «\u202FCSV UTF-8 (délimité par des points-virgules)\u202F», ou convertissez ses fins de ligne en LF ou CRLF."));
            return [];
        }
        if (tokenizer.Unterminated || tokenizer.OversizedCell is not null)
        {
            problems.Add(new ImportProblem(fileName, 1, header.Length, null, null,
                tokenizer.Unterminated ? "La ligne d’en-têtes ouvre un guillemet qui n’est jamais refermé." : $"Une cellule de la ligne d’en-têtes dépasse {FieldLimits.Cell.ToString("N0", FrenchNumber.Culture)} caractères.",
                "Vérifiez que le fichier est bien un tableau CSV, puis ré-exportez-le depuis le tableur."));
            return [];
        }
        headers = [.. header.Select(h => h.Trim().TrimStart('\uFEFF').Trim())];
        return Rows(tokenizer, fileName, headers.Length, problems);
    }

    /// <summary>The first line of the file (up to LF or CRLF, at most one cell's length), to detect emptiness and the separator.</summary>
    private static string FirstLine(StreamReader reader)
    {
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0 && c != '\n' && line.Length <= FieldLimits.Cell) line.Append((char)c);
        return line.ToString().TrimEnd('\r');
    }

    private static readonly byte[][] DoubleEncoded = [[0xC3, 0x83, 0xC2], [0xC3, 0x83, 0xE2], [0xC3, 0x82, 0xC2]];

    /// <summary>A problem when the bytes show an encoding accident (see <see cref="ReadCsv"/>), else null; the position is restored.</summary>
    private static ImportProblem? EncodingAccident(Stream stream, string fileName)
    {
        var start = stream.Position;
        try
        {
            var buffer = new byte[1 << 16];
            var line = 1;
            var column = 1;
            var first = true;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var bytes = buffer.AsSpan(0, read);
                if (first && bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)) return null;
                first = false;
                var nul = bytes.IndexOf((byte)0);
                var at = -1;
                foreach (var pattern in DoubleEncoded)
                {
                    var index = bytes.IndexOf(pattern);
                    if (index >= 0 && (at < 0 || index < at)) at = index;
                }
                var stop = nul >= 0 && (at < 0 || nul < at) ? nul : at;
                if (stop >= 0)
                {
                    Advance(bytes[..stop], ref line, ref column);
                    return nul == stop
                        ? new ImportProblem(fileName, line, column, null, null,
                            "Le fichier contient des octets nuls\u202F: c’est un fichier «\u202FTexte Unicode\u202F» (UTF-16) sans marque d’ordre des octets, ou un fichier binaire renommé en .csv, pas un CSV lisible.",
                            "Dans le tableur, choisissez «\u202FEnregistrer sous\u202F» puis «\u202FCSV UTF-8 (délimité par des points-virgules)\u202F».")
                        : new ImportProblem(fileName, line, column, null, null,
                            "Le texte du fichier a été converti deux fois d’encodage\u202F: des lettres accentuées apparaissent sous la forme «\u202FÃ©\u202F» ou «\u202FÃ¨\u202F» au lieu de «\u202Fé\u202F» ou «\u202Fè\u202F».",
                            "Repartez du fichier d’origine et enregistrez-le directement au format «\u202FCSV UTF-8\u202F», sans l’ouvrir ni l’enregistrer dans un autre logiciel entre-temps.");
                }
                Advance(bytes, ref line, ref column);
            }
            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>Moves a line and column (counted in bytes, a character for ASCII text) past <paramref name="bytes"/>.</summary>
    private static void Advance(ReadOnlySpan<byte> bytes, ref int line, ref int column)
    {
        var last = bytes.LastIndexOf((byte)'\n');
        if (last < 0)
        {
            column += bytes.Length;
            return;
        }
        line += bytes.Count((byte)'\n');
        column = bytes.Length - last;
    }

    private static IEnumerable<TabularRow> Rows(CsvTokenizer tokenizer, string fileName, int width, List<ImportProblem> problems)
    {
        while (tokenizer.Read(out var cells))
        {
            var line = tokenizer.RecordLine;
            if (tokenizer.Unterminated)
            {
                problems.Add(new ImportProblem(fileName, line, cells.Length, null, null,
                    "Le fichier est tronqué ou mal formé à partir de cette ligne (guillemet non refermé).",
                    "Vérifiez que chaque guillemet ouvrant a son guillemet fermant, puis ré-exportez le fichier."));
                yield break;
            }
            if (Array.TrueForAll(cells, string.IsNullOrWhiteSpace)) continue;
            if (tokenizer.OversizedCell is { } oversized)
            {
                problems.Add(new ImportProblem(fileName, line, oversized + 1, null, null,
                    $"La cellule dépasse {FieldLimits.Cell.ToString("N0", FrenchNumber.Culture)} caractères, le plus qu’une cellule de tableur puisse contenir.",
                    "Le fichier est probablement abîmé (un guillemet mal placé peut englober des milliers de lignes)\u202F: ré-exportez-le depuis le tableur."));
                continue;
            }
            if (tokenizer.StrayCarriageReturnCell is { } stray)
            {
                problems.Add(new ImportProblem(fileName, line, stray + 1, null, null,
                    "La cellule contient un retour chariot isolé (un caractère de fin de ligne)\u202F: sa valeur ne peut pas être lue telle quelle.",
                    "Retirez ce caractère de la cellule, ou ré-exportez le fichier depuis le tableur au format «\u202FCSV UTF-8\u202F»."));
                continue;
            }
            if (cells.Length > width)
            {
                if (cells.Skip(width).Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    problems.Add(new ImportProblem(fileName, line, width + 1, null, null,
                        $"La ligne a {cells.Length} cellules alors que l’en-tête a {width} colonnes.",
                        "Un séparateur de trop\u202F? Dans un fichier séparé par des virgules, un nombre à virgule décimale doit être entre guillemets."));
                    continue;
                }
                cells = cells[..width];
            }
            else if (cells.Length < width)
            {
                problems.Add(new ImportProblem(fileName, line, cells.Length + 1, null, null,
                    $"La ligne n’a que {cells.Length} cellule{(cells.Length > 1 ? "s" : "")} alors que l’en-tête a {width} colonnes\u202F: elle est tronquée.",
                    "Le fichier a peut-être été coupé pendant un transfert, ou des séparateurs manquent\u202F: ré-exportez-le depuis le tableur (une cellule vide garde son séparateur)."));
                continue;
            }
            yield return new TabularRow(line, cells);
        }
    }

    private static char DetectDelimiter(string header)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
        }
        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }
}
