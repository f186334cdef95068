namespace ImpactEval.Reporting.Pdf;

/// <summary>Settings of PDF printing (configuration section "Pdf", e.g. <c>IMPACTEVAL_Pdf__Timeout=00:02:00</c>).</summary>
public sealed class PdfOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pdf";

    /// <summary>How long Chromium may take to print one report before it is killed with all its processes (default one minute).</summary>
    public TimeSpan Timeout { get; set; } = ChromiumPdfPrinter.DefaultTimeout;
}
