using System.Text;

namespace ImpactEval.Collection.Import;

/// <summary>One data row of a tabular file with its line number in the file.</summary>
/// <param name="Line">1-based line where the row starts (the header is line 1).</param>
/// <param name="Cells">Cell texts, as many as there are header columns.</param>
public readonly record struct TabularRow(int Line, string[] Cells);

/// <summary>
/// Reads a CSV file the way French users produce them: UTF-8 with or without BOM, or Windows-1252 (detected);
/// ";" or "," or tab as separator (detected on the header); quoted cells. Problems (empty file, truncated
/// quote, a row with too many cells) are collected with their line, never thrown.
/// </summary>
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
        if (EncodingAccident(stream, fileName) is { } accident)
        {
            problems.Add(accident);
            headers = [];
            return [];
        }
        var encoding = DetectEncoding(stream);
        var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var firstLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(firstLine?.Trim('\uFEFF')))
        {
            problems.Add(new ImportProblem(fileName, 0, null, null, null, "Le fichier est vide.", "Le fichier doit commencer par une ligne d'en-têtes (identifiant;vague;…)."));
            headers = [];
            return [];
        }
        stream.Position = 0;
        reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var tokenizer = new CsvTokenizer(reader, DetectDelimiter(firstLine));
        tokenizer.Read(out var header);
        headers = [.. header.Select(h => h.Trim().TrimStart('\uFEFF').Trim())];
        return Rows(tokenizer, fileName, headers.Length, problems);
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
            var first = true;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var bytes = buffer.AsSpan(0, read);
                if (first && bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)) return null;
                first = false;
                if (bytes.IndexOf((byte)0) >= 0)
                    return new ImportProblem(fileName, 0, null, null, null,
                        "Le fichier contient des octets nuls : c'est un fichier « Texte Unicode » (UTF-16) sans marque d'ordre des octets, ou un fichier binaire renommé en .csv, pas un CSV lisible.",
                        "Dans le tableur, choisissez « Enregistrer sous » puis « CSV UTF-8 (délimité par des points-virgules) ».");
                var at = -1;
                foreach (var pattern in DoubleEncoded)
                {
                    var index = bytes.IndexOf(pattern);
                    if (index >= 0 && (at < 0 || index < at)) at = index;
                }
                if (at >= 0)
                {
                    line += bytes[..at].Count((byte)'\n');
                    return new ImportProblem(fileName, line, null, null, null,
                        "Le texte du fichier a été converti deux fois d'encodage : des lettres accentuées apparaissent sous la forme « Ã© » ou « Ã¨ » au lieu de « é » ou « è ».",
                        "Repartez du fichier d'origine et enregistrez-le directement au format « CSV UTF-8 », sans l'ouvrir ni l'enregistrer dans un autre logiciel entre-temps.");
                }
                line += bytes.Count((byte)'\n');
            }
            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static IEnumerable<TabularRow> Rows(CsvTokenizer tokenizer, string fileName, int width, List<ImportProblem> problems)
    {
        while (tokenizer.Read(out var cells))
        {
            var line = tokenizer.RecordLine;
            if (tokenizer.Unterminated)
            {
                problems.Add(new ImportProblem(fileName, line, null, null, null,
                    "Le fichier est tronqué ou mal formé à partir de cette ligne (guillemet non refermé).",
                    "Vérifiez que chaque guillemet ouvrant a son guillemet fermant, puis ré-exportez le fichier."));
                yield break;
            }
            if (Array.TrueForAll(cells, string.IsNullOrWhiteSpace)) continue;
            if (cells.Length > width)
            {
                if (cells.Skip(width).Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    problems.Add(new ImportProblem(fileName, line, width + 1, null, null,
                        $"La ligne a {cells.Length} cellules alors que l'en-tête a {width} colonnes.",
                        "Un séparateur de trop ? Dans un fichier séparé par des virgules, un nombre à virgule décimale doit être entre guillemets."));
                    continue;
                }
                cells = cells[..width];
            }
            else if (cells.Length < width)
            {
                var padded = new string[width];
                cells.CopyTo(padded, 0);
                for (var i = cells.Length; i < width; i++) padded[i] = "";
                cells = padded;
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
