using ImpactEval.Data;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Templates;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages.National;

/// <summary>Downloads the national synthesis (HTML, PDF, XLSX) through <see cref="NationalSynthesisExportService"/>, audited with the account.</summary>
[Authorize(Policy = WebPolicies.SeeNational)]
public sealed class SyntheseFichierModel(ImpactEvalDbContext db, IOptions<WebOptions> options, IOptions<Reporting.Pdf.PdfOptions> pdf) : AppPageModel
{
    /// <summary>The file, 404 for an unknown campaign or format.</summary>
    public async Task<IActionResult> OnGetAsync(string campagne, string format)
    {
        ReportFormat? wanted = format switch { "html" => ReportFormat.Html, "pdf" => ReportFormat.Pdf, "xlsx" => ReportFormat.Xlsx, _ => null };
        if (wanted is not { } reportFormat || !db.Campaigns.Any(c => c.Code == campagne)) return NotFound();
        var directory = ReportFiles.NewFolder();
        try
        {
            NationalSynthesisExportService.Outcome outcome;
            try
            {
                outcome = await new NationalSynthesisExportService(db).ExportAsync(
                    new NationalSynthesisExport(campagne, [reportFormat], directory, options.Value.SuppressionThreshold, PdfTimeout: pdf.Value.Timeout), Scope.Actor, HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is TemplateException or FileNotFoundException)
            {
                return StatusCode(500);
            }
            var file = ReportFiles.Find(outcome.Written.Files, reportFormat);
            if (file is null) return StatusCode(503);
            return File(await System.IO.File.ReadAllBytesAsync(file, HttpContext.RequestAborted), ReportFiles.ContentType(reportFormat), $"synthese-{campagne}{Path.GetExtension(file)}");
        }
        finally
        {
            ReportFiles.Delete(directory);
        }
    }
}
