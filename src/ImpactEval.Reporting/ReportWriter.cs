using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.National;
using ImpactEval.Reporting.Pdf;

namespace ImpactEval.Reporting;

/// <summary>
/// The one call the CLI and the worker make: builds the report model of a protocol's results (with disclosure
/// control) and writes the requested formats to a directory.
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
    public static Task<ReportWriteResult> WriteAsync(Protocol protocol, AnalysisResults results, ReportRequest request, CancellationToken cancellationToken = default)
    {
        var generation = ReportGeneration.For(results, request.GeneratedAt ?? DateTimeOffset.Now);
        var model = ReportModelBuilder.Build(protocol, results, generation,
            new ReportOptions(request.SuppressionThreshold, request.Territory));
        var renderer = ReportRenderer.For(request.TemplatesDirectory);
        return WriteFormatsAsync(renderer, request, () => renderer.RenderHtml(request.TemplateName, model), () => renderer.RenderXlsx(model),
            [.. model.Tables.Where(t => t.InWorkbook)], cancellationToken);
    }

    /// <summary>Writes the national synthesis of a consolidated campaign ("synthese-nationale" or a copy of it).</summary>
    /// <param name="results">The consolidated campaign.</param>
    /// <param name="request">Template, formats, output directory, threshold, timestamp, file name.</param>
    /// <param name="cancellationToken">Cancels the PDF print.</param>
    /// <returns>The files written and French messages.</returns>
    /// <exception cref="Templates.TemplateException">The template has a problem.</exception>
    /// <exception cref="FileNotFoundException">The template does not exist.</exception>
    public static Task<ReportWriteResult> WriteNationalAsync(NationalCampaignResults results, ReportRequest request, CancellationToken cancellationToken = default)
    {
        var model = NationalSynthesisBuilder.Build(results, request.GeneratedAt ?? DateTimeOffset.Now, request.SuppressionThreshold);
        var renderer = ReportRenderer.For(request.TemplatesDirectory);
        return WriteFormatsAsync(renderer, request, () => renderer.RenderHtml(request.TemplateName, model), () => renderer.RenderXlsx(model),
            model.Tables, cancellationToken);
    }

    private static async Task<ReportWriteResult> WriteFormatsAsync(ReportRenderer renderer, ReportRequest request, Func<string> renderHtml, Func<byte[]> renderXlsx,
        IReadOnlyList<Model.ReportTable> tables, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(request.OutputDirectory);
        var files = ImmutableArray.CreateBuilder<string>();
        var messages = ImmutableArray.CreateBuilder<string>();
        string? html = null;
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
                    html ??= renderHtml();
                    await File.WriteAllTextAsync(path, html, cancellationToken);
                    files.Add(path);
                    break;
                case ReportFormat.Xlsx:
                    await File.WriteAllBytesAsync(path, renderXlsx(), cancellationToken);
                    files.Add(path);
                    break;
                case ReportFormat.Csv:
                    files.AddRange(await Csv.TableCsvWriter.WriteAsync(tables, path, cancellationToken));
                    break;
                case ReportFormat.Pdf:
                    html ??= renderHtml();
                    try
                    {
                        await renderer.RenderPdfAsync(html, path, cancellationToken);
                        files.Add(path);
                    }
                    catch (PdfUnavailableException e)
                    {
                        messages.Add(e.Message);
                    }
                    break;
            }
        }
        return new ReportWriteResult(files.ToImmutable(), messages.ToImmutable());
    }
}
