using System.Collections.Immutable;
using ImpactEval.Reporting.Inputs;

namespace ImpactEval.Reporting;

/// <summary>An output format of a report.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML file.</summary>
    Html,
    /// <summary>An Excel workbook of every table.</summary>
    Xlsx,
    /// <summary>A PDF printed by headless Chromium (A4).</summary>
    Pdf,
    /// <summary>One CSV file per table (French spreadsheet conventions), in a folder next to the report.</summary>
    Csv,
}

/// <summary>What <see cref="ReportWriter.WriteAsync"/> should produce.</summary>
/// <param name="TemplateName">Template name ("rapport-cohorte", "fiche-territoire") or path to a .liquid file.</param>
/// <param name="Formats">Formats to write.</param>
/// <param name="OutputDirectory">Directory of the output files (created when missing).</param>
/// <param name="TemplatesDirectory">Templates directory; null for the lookup order of <see cref="Templates.TemplateLocator"/>.</param>
/// <param name="SuppressionThreshold">Smallest publishable count (default 5).</param>
/// <param name="GeneratedAt">Generation timestamp; null for now (pass a fixed value for reproducible outputs).</param>
/// <param name="FileName">Base name of the files, without extension (default "rapport").</param>
/// <param name="Territory">Facts of the territory sheet, or null.</param>
/// <param name="PdfTimeout">How long Chromium may take to print the PDF; null for <see cref="Pdf.ChromiumPdfPrinter.DefaultTimeout"/>.</param>
public sealed record ReportRequest(
    string TemplateName,
    ImmutableArray<ReportFormat> Formats,
    string OutputDirectory,
    string? TemplatesDirectory = null,
    int SuppressionThreshold = Disclosure.DisclosureControl.DefaultThreshold,
    DateTimeOffset? GeneratedAt = null,
    string FileName = "rapport",
    TerritoryProfile? Territory = null,
    TimeSpan? PdfTimeout = null);

/// <summary>What <see cref="ReportWriter.WriteAsync"/> wrote.</summary>
/// <param name="Files">Full paths of the files written, in the order of the requested formats.</param>
/// <param name="Messages">French messages for the user (e.g. PDF not produced because Chromium is absent).</param>
public sealed record ReportWriteResult(ImmutableArray<string> Files, ImmutableArray<string> Messages);
