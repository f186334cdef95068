using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Files;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.National;
using ImpactEval.Reporting.Pdf;

namespace ImpactEval.Reporting;

/// <summary>
/// The one call the CLI and the worker make: builds the report model of a protocol's results (with disclosure
/// control) and writes the requested formats to a directory. Every file is written atomically (<see cref="AtomicFiles"/>):
/// the <c>Stage…</c> methods leave the new files staged next to their targets, so that the export services can record the
/// export before the files replace the previous ones (<see cref="ExportAudit"/>); the <c>Write…</c> methods stage and commit.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes a report.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="results">Its analysis results.</param>
    /// <param name="request">Template, formats, output directory, threshold, timestamp.</param>
    /// <param name="cancellationToken">Cancels the PDF print.</param>
    /// <returns>The files written and French messages (a PDF that could not be produced is a message, not a failure).</returns>
    /// <exception cref="Templates.TemplateException">The template has a problem.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist.</exception>
    public static async Task<ReportWriteResult> WriteAsync(Protocol protocol, AnalysisResults results, ReportRequest request, CancellationToken cancellationToken = default)
    {
        using var staged = await StageAsync(protocol, results, request, cancellationToken);
        staged.Commit();
        return staged.Written;
    }

    /// <summary>Writes a report's files next to their targets, staged: nothing replaced until <see cref="StagedReport.Commit"/>.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="results">Its analysis results.</param>
    /// <param name="request">Template, formats, output directory, threshold, timestamp.</param>
    /// <param name="cancellationToken">Cancels the PDF print.</param>
    /// <returns>The staged files (to commit, or dispose to leave the previous files as they were).</returns>
    /// <exception cref="Templates.TemplateException">The template has a problem; nothing is written.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist; nothing is written.</exception>
    public static Task<StagedReport> StageAsync(Protocol protocol, AnalysisResults results, ReportRequest request, CancellationToken cancellationToken = default)
    {
        var generation = ReportGeneration.For(results, request.GeneratedAt ?? DateTimeOffset.Now) with { SyntheticData = request.SyntheticData };
        var model = ReportModelBuilder.Build(protocol, results, generation,
            new ReportOptions(request.SuppressionThreshold, request.Territory));
        var renderer = ReportRenderer.For(request.TemplatesDirectory);
        return StageFormatsAsync(renderer, request, () => renderer.RenderHtml(request.TemplateName, model), () => renderer.RenderXlsx(model),
            [.. model.Tables.Where(t => t.InWorkbook)], cancellationToken);
    }

    /// <summary>Writes the national synthesis of a consolidated campaign ("synthese-nationale" or a copy of it).</summary>
    /// <param name="results">The consolidated campaign.</param>
    /// <param name="request">Template, formats, output directory, threshold, timestamp, file name.</param>
    /// <param name="cancellationToken">Cancels the PDF print.</param>
    /// <returns>The files written and French messages.</returns>
    /// <exception cref="Templates.TemplateException">The template has a problem.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist.</exception>
    public static async Task<ReportWriteResult> WriteNationalAsync(NationalCampaignResults results, ReportRequest request, CancellationToken cancellationToken = default)
    {
        using var staged = await StageNationalAsync(results, request, cancellationToken);
        staged.Commit();
        return staged.Written;
    }

    /// <summary>Writes the files of a national synthesis next to their targets, staged: nothing replaced until <see cref="StagedReport.Commit"/>.</summary>
    /// <param name="results">The consolidated campaign.</param>
    /// <param name="request">Template, formats, output directory, threshold, timestamp, file name.</param>
    /// <param name="cancellationToken">Cancels the PDF print.</param>
    /// <returns>The staged files (to commit, or dispose to leave the previous files as they were).</returns>
    /// <exception cref="Templates.TemplateException">The template has a problem; nothing is written.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist; nothing is written.</exception>
    public static Task<StagedReport> StageNationalAsync(NationalCampaignResults results, ReportRequest request, CancellationToken cancellationToken = default)
    {
        var model = NationalSynthesisBuilder.Build(results, request.GeneratedAt ?? DateTimeOffset.Now, request.SuppressionThreshold);
        var renderer = ReportRenderer.For(request.TemplatesDirectory);
        return StageFormatsAsync(renderer, request, () => renderer.RenderHtml(request.TemplateName, model), () => renderer.RenderXlsx(model),
            model.Tables, cancellationToken);
    }

    private static async Task<StagedReport> StageFormatsAsync(ReportRenderer renderer, ReportRequest request, Func<string> renderHtml, Func<byte[]> renderXlsx,
        IReadOnlyList<Model.ReportTable> tables, CancellationToken cancellationToken)
    {
        var html = request.Formats.Contains(ReportFormat.Html) || request.Formats.Contains(ReportFormat.Pdf) ? renderHtml() : null; // a template error stops before any file
        Directory.CreateDirectory(request.OutputDirectory);
        var staging = new AtomicFiles();
        try
        {
            var files = ImmutableArray.CreateBuilder<string>();
            var messages = ImmutableArray.CreateBuilder<string>();
            foreach (var format in request.Formats.Distinct())
            {
                var path = Path.GetFullPath(Path.Combine(request.OutputDirectory, request.FileName + format switch
                {
                    ReportFormat.Html => ".html",
                    ReportFormat.Xlsx => ".xlsx",
                    ReportFormat.Csv => "-tableaux",
                    _ => ".pdf",
                }));
                switch (format)
                {
                    case ReportFormat.Html:
                        await staging.StageAsync(path, (s, ct) => s.WriteAsync(System.Text.Encoding.UTF8.GetBytes(html!), ct).AsTask(), cancellationToken: cancellationToken);
                        files.Add(path);
                        break;
                    case ReportFormat.Xlsx:
                        var xlsx = renderXlsx();
                        await staging.StageAsync(path, (s, ct) => s.WriteAsync(xlsx, ct).AsTask(), cancellationToken: cancellationToken);
                        files.Add(path);
                        break;
                    case ReportFormat.Csv:
                        files.AddRange(await Csv.TableCsvWriter.StageAsync(tables, path, staging, cancellationToken));
                        break;
                    case ReportFormat.Pdf:
                        try
                        {
                            await renderer.RenderPdfAsync(html!, staging.StageExternal(path), request.PdfTimeout, cancellationToken);
                            files.Add(path);
                        }
                        catch (PdfUnavailableException e)
                        {
                            staging.Discard(path); // the previous PDF, if any, stays
                            messages.Add(e.Message);
                        }
                        break;
                }
            }
            return new StagedReport(new ReportWriteResult(files.ToImmutable(), messages.ToImmutable()), staging);
        }
        catch
        {
            staging.Dispose();
            throw;
        }
    }
}
