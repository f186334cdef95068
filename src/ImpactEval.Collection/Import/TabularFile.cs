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
    public static IEnumerable<TabularRow> ReadCsv(Stream stream, string fileName, List<ImportProblem> problems, out string[] headers)
    {
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
