using System.IO.Compression;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Templates;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// Downloads the published report of a protocol — HTML, PDF (headless Chromium), XLSX, or every table as CSV in a zip —
/// through <see cref="ReportExportService"/>: the same files, disclosure control and audit ("report.export", with the
/// account) as <c>impacteval report</c>. The files are written to a temporary folder and deleted once sent.
/// </summary>
[Authorize(Policy = WebPolicies.SeeResults)]
public sealed class RapportModel(ImpactEvalDbContext db, IOptions<WebOptions> options, IOptions<Reporting.Pdf.PdfOptions> pdf) : AppPageModel
{
    /// <summary>Produces the file, or 404 for an unknown format, or a French 500 page when the report cannot be produced.</summary>
    public async Task<IActionResult> OnGetAsync(string format)
    {
        ReportFormat? wanted = format switch { "html" => ReportFormat.Html, "pdf" => ReportFormat.Pdf, "xlsx" => ReportFormat.Xlsx, "csv" => ReportFormat.Csv, _ => null };
        if (wanted is not { } reportFormat) return NotFound();
        var directory = ReportFiles.NewFolder();
        try
        {
            ReportExportService.Outcome outcome;
            try
            {
                outcome = await new ReportExportService(db).ExportAsync(
                    new ReportExport(Cite.ProtocolCode!, null, [reportFormat], directory, options.Value.SuppressionThreshold, PdfTimeout: pdf.Value.Timeout), Scope.Actor, HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is TemplateException or FileNotFoundException)
            {
                return StatusCode(500);
            }
            var files = outcome.Written.Files;
            var name = $"rapport-{Cite.ProtocolCode}-v{outcome.Computation.Results.ProtocolVersion}";
            switch (reportFormat)
            {
                case ReportFormat.Csv:
                {
                    var zip = new MemoryStream();
                    using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                        foreach (var file in files.Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
                            await archive.CreateEntryFromFileAsync(file, Path.GetFileName(file), CompressionLevel.Optimal);
                    return File(zip.ToArray(), "application/zip", name + "-tableaux.zip");
                }
                default:
                {
                    var file = ReportFiles.Find(files, reportFormat);
                    if (file is null) return StatusCode(503); // the PDF needs Chromium, absent on this server
                    return File(await System.IO.File.ReadAllBytesAsync(file, HttpContext.RequestAborted), ReportFiles.ContentType(reportFormat), name + Path.GetExtension(file));
                }
            }
        }
        finally
        {
            ReportFiles.Delete(directory);
        }
    }
}
