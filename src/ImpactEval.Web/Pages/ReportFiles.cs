using ImpactEval.Reporting;

namespace ImpactEval.Web.Pages;

/// <summary>What the download pages share: the temporary folder an export writes to, and the media type of each format.</summary>
public static class ReportFiles
{
    /// <summary>A new, not yet created, temporary folder for one export.</summary>
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "impacteval-telechargements", Guid.NewGuid().ToString("N"));

    /// <summary>Deletes an export's folder once its file is sent (a leftover is harmless: it holds published files only).</summary>
    public static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The media type of a report format.</summary>
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/csv; charset=utf-8",
    };

    /// <summary>The file of <paramref name="format"/> among those written, or null (a PDF without Chromium on the server).</summary>
    public static string? Find(IEnumerable<string> files, ReportFormat format) =>
        files.FirstOrDefault(f => f.EndsWith("." + format.ToString().ToLowerInvariant(), StringComparison.OrdinalIgnoreCase));
}
