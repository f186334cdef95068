namespace ImpactEval.Collection.Import;

/// <summary>
/// The size limits of a workbook ImpactEval reads (documented in docs/collection.md). They bound the memory and
/// time of an import whatever the file: an .xlsx is a zip archive, and a few megabytes may hold gigabytes of XML.
/// </summary>
/// <remarks>
/// The sizes declared in the archive are checked before anything is read, and the bytes actually decompressed are
/// counted while reading, so that an archive declaring false sizes is stopped at the same limit.
/// </remarks>
internal static class XlsxLimits
{
    /// <summary>The workbook file itself: 100 MiB.</summary>
    public const long File = 100L << 20;

    /// <summary>The shared-string table once decompressed: 100 MiB of XML (it is held in memory while the sheet is read).</summary>
    public const long SharedStrings = 100L << 20;

    /// <summary>The worksheet once decompressed: 2 GiB of XML (it is streamed, a row at a time: several million rows).</summary>
    public const long Sheet = 2L << 30;

    /// <summary>Any other part (workbook, styles, relationships) once decompressed: 20 MiB.</summary>
    public const long OtherPart = 20L << 20;

    /// <summary>"100 Mo" for messages.</summary>
    public static string Describe(long bytes) => bytes >= 1L << 30 ? $"{bytes >> 30} Go" : $"{bytes >> 20} Mo";
}
