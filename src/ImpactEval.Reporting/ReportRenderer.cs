using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.National;
using ImpactEval.Reporting.Pdf;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Workbook;

namespace ImpactEval.Reporting;

/// <summary>
/// Renders a report model to its outputs: HTML through a template, the Excel workbook of its tables, PDF through
/// headless Chromium. One renderer per templates directory; it caches compiled templates and is thread-safe.
/// </summary>
public sealed class ReportRenderer
{
    private readonly TemplateEngine engine;

    /// <summary>Creates a renderer.</summary>
    /// <param name="templatesDirectory">Templates directory; null for the lookup order of <see cref="TemplateLocator"/>.</param>
    /// <exception cref="DirectoryNotFoundException">No templates directory can be found.</exception>
    public ReportRenderer(string? templatesDirectory = null) => engine = new TemplateEngine(TemplateLocator.ResolveDirectory(templatesDirectory));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReportRenderer> Shared = new(StringComparer.Ordinal);

    /// <summary>
    /// The renderer of a templates directory shared by the whole process, so that a service exporting many reports
    /// compiles each template once (a template edited on disk is still compiled again: the cache checks the files).
    /// </summary>
    /// <param name="templatesDirectory">Templates directory; null for the lookup order of <see cref="TemplateLocator"/>.</param>
    /// <exception cref="DirectoryNotFoundException">No templates directory can be found.</exception>
    public static ReportRenderer For(string? templatesDirectory) =>
        Shared.GetOrAdd(TemplateLocator.ResolveDirectory(templatesDirectory), static directory => new ReportRenderer(directory));

    /// <summary>The templates directory in use.</summary>
    public string TemplatesDirectory => engine.Directory;

    /// <summary>Renders a template on a model to one self-contained HTML document, with French typography in its text (<see cref="HtmlTypography"/>).</summary>
    /// <param name="templateName">Template name ("rapport-cohorte") or path to a .liquid file.</param>
    /// <param name="model">A <see cref="ReportModel"/>, or a <see cref="NationalSynthesisModel"/> for "synthese-nationale".</param>
    /// <exception cref="TemplateException">The template has a problem (file, line, field in French).</exception>
    public string RenderHtml(string templateName, object model) => HtmlTypography.Apply(engine.Render(templateName, model));

    /// <summary>The Excel workbook of every table of a report (README sheet first).</summary>
    public byte[] RenderXlsx(ReportModel model) =>
        WorkbookWriter.Write(new WorkbookWriter.Content(model.Title,
        [
            ("Protocole", $"{model.Protocol.Title} ({model.Protocol.Id}, version enregistrée {model.Generation.ProtocolVersion})"),
            ("Cité éducative", $"{model.Territory.Name} ({model.Territory.Code})"),
            ("Produit le", model.Generation.GeneratedAtText),
            ("Version d'ImpactEval", model.Generation.ImpactEvalVersion),
            ("Empreinte des données", model.Generation.DataFingerprint),
            ("Participants", model.Generation.ParticipantsText),
            ("Secret statistique", model.Disclosure.Text),
            ("Lecture", "Une feuille par tableau, ligne d'en-tête figée. Les nombres sont de vrais nombres (formats français à l'affichage selon votre tableur). « s » : valeur masquée (secret statistique) ; cellule vide : valeur non disponible. Un texte qui commence par =, +, - ou @ est précédé d'une apostrophe pour qu'il ne soit jamais lu comme une formule."),
        ], model.Tables.Where(t => t.InWorkbook).ToList(), model.Generation.GeneratedAt));

    /// <summary>The Excel workbook of a national synthesis.</summary>
    public byte[] RenderXlsx(NationalSynthesisModel model) =>
        WorkbookWriter.Write(new WorkbookWriter.Content(model.Title,
        [
            ("Campagne", model.CampaignLabel),
            ("Produit le", model.Generation.GeneratedAtText),
            ("Version d'ImpactEval", model.Generation.ImpactEvalVersion),
            ("Répondants", model.ResponseText),
            ("Secret statistique", model.Disclosure.Text),
            ("Lecture", "Chaque part est donnée avec son numérateur, son dénominateur et les non-réponses. « s » : valeur masquée (secret statistique). Un texte qui commence par =, +, - ou @ est précédé d'une apostrophe."),
        ], model.Tables, model.Generation.GeneratedAt));

    /// <summary>Prints an HTML document to a PDF file with headless Chromium.</summary>
    /// <param name="html">The HTML document (self-contained).</param>
    /// <param name="path">The PDF file to write.</param>
    /// <param name="timeout">How long Chromium may take; null for <see cref="ChromiumPdfPrinter.DefaultTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the print.</param>
    /// <exception cref="PdfUnavailableException">Chromium is absent, failed or timed out (French message).</exception>
    public async Task RenderPdfAsync(string html, string path, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var temp = Path.Combine(Path.GetTempPath(), "impacteval-" + Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllTextAsync(temp, html, cancellationToken);
        try
        {
            await ChromiumPdfPrinter.PrintAsync(temp, path, timeout, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
