namespace ImpactEval.Collection.Import;

/// <summary>
/// The single entry point of the importers for tabular files: recognises CSV and Excel (.xlsx) files by their
/// content (an .xlsx is a zip archive, whatever its name) and reads either into headers and
/// <see cref="TabularRow"/>s with the same line numbering (the header is line 1), so that every importer accepts
/// both formats and reports problems at the same places.
/// </summary>
public static class TabularSource
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipSignature = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Recognises the format of a file from its first bytes; the stream's position is restored.</summary>
    /// <param name="stream">The file's bytes (seekable).</param>
    public static TabularFormat Detect(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[8];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        head = head[..read];
        if (head.StartsWith(ZipSignature) || head.StartsWith(EmptyZipSignature)) return TabularFormat.Xlsx;
        if (head.StartsWith(Ole2Signature)) return TabularFormat.LegacyExcel;
        return TabularFormat.Csv;
    }

    /// <summary>Reads the header and streams the rows of a CSV or .xlsx file.</summary>
    /// <param name="stream">The file's bytes (seekable; left open).</param>
    /// <param name="fileName">Name for problems.</param>
    /// <param name="problems">Where problems go; an unreadable or unsupported file gives one problem and no rows.</param>
    /// <param name="headers">The header cells, trimmed; empty when the file cannot be read.</param>
    /// <param name="sheet">For a workbook, the sheet to read (case-insensitive); null for the first visible sheet. Ignored for CSV.</param>
    public static IEnumerable<TabularRow> Open(Stream stream, string fileName, List<ImportProblem> problems, out string[] headers, string? sheet = null)
    {
        switch (Detect(stream))
        {
            case TabularFormat.Xlsx:
                return XlsxTable.Read(stream, fileName, problems, out headers, sheet);
            case TabularFormat.LegacyExcel:
                problems.Add(new ImportProblem(fileName, 0, null, null, null,
                    "Ce fichier est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe\u202F: ImpactEval ne le lit pas.",
                    "Ouvrez-le et enregistrez-le au format «\u202FClasseur Excel (.xlsx)\u202F» sans mot de passe, ou en CSV (séparateur point-virgule)."));
                headers = [];
                return [];
            default:
                return TabularFile.ReadCsv(stream, fileName, problems, out headers);
        }
    }

    /// <summary>Opens a CSV or .xlsx file on disk; the returned table owns the file and must be disposed.</summary>
    /// <param name="path">Path of the file; problems name it by its file name.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="sheet">For a workbook, the sheet to read; null for the first visible sheet.</param>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static TabularTable OpenFile(string path, List<ImportProblem> problems, string? sheet = null)
    {
        var stream = File.OpenRead(path);
        try
        {
            var format = Detect(stream);
            var rows = Open(stream, Path.GetFileName(path), problems, out var headers, sheet);
            return new TabularTable(stream, format, headers, rows);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
