using System.Diagnostics;

namespace ImpactEval.Reporting.Pdf;

/// <summary>
/// Prints an HTML report to PDF with headless Chromium's <c>--print-to-pdf</c> (the page size and margins come
/// from the report's CSS <c>@page</c> rule: A4). Chromium is looked for in the environment variable
/// <c>IMPACTEVAL_CHROMIUM</c>, then at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome. Each run
/// uses a fresh profile directory, deleted afterwards, and no network.
/// </summary>
public static class ChromiumPdfPrinter
{
    /// <summary>Environment variable naming the Chromium executable.</summary>
    public const string EnvironmentVariable = "IMPACTEVAL_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The Chromium executable, or null when none is installed.</summary>
    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        return Candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The French message shown when PDF output is asked for and Chromium is absent.</summary>
    public const string MissingChromiumMessage =
        "La sortie PDF nécessite le navigateur Chromium, introuvable sur cette machine. Installez-le (paquet Debian « chromium » : apt-get install chromium) " +
        "ou indiquez son chemin dans la variable d'environnement IMPACTEVAL_CHROMIUM. Les sorties HTML et Excel restent disponibles, et le fichier HTML s'imprime en PDF depuis n'importe quel navigateur.";

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>.</summary>
    /// <param name="htmlPath">A self-contained HTML file.</param>
    /// <param name="pdfPath">The PDF to write (overwritten).</param>
    /// <param name="timeout">How long Chromium may take (default two minutes).</param>
    /// <param name="cancellationToken">Cancels the print (Chromium is stopped).</param>
    /// <exception cref="PdfUnavailableException">Chromium is absent, failed or timed out (French message).</exception>
    public static async Task PrintAsync(string htmlPath, string pdfPath, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var chromium = FindChromium() ?? throw new PdfUnavailableException(MissingChromiumMessage);
        var profile = Path.Combine(Path.GetTempPath(), "impacteval-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var output = Path.GetFullPath(pdfPath);
        if (File.Exists(output)) File.Delete(output);
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
                     "--no-pdf-header-footer", $"--user-data-dir={profile}", $"--print-to-pdf={output}",
                     new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                 })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start) ?? throw new PdfUnavailableException($"Chromium ({chromium}) n'a pas pu être lancé.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                cancellationToken.ThrowIfCancellationRequested();
                throw new PdfUnavailableException("Chromium n'a pas produit le PDF dans le délai imparti.");
            }
            var errors = await stderr;
            await stdout;
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length < 5)
                throw new PdfUnavailableException($"Chromium n'a pas pu produire le PDF (code {process.ExitCode}) : {Tail(errors)}");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Tail(string text) => text.Length > 600 ? text[^600..] : text;
}

/// <summary>PDF output is not possible (Chromium absent, failed or too slow); the message is French and says what to do.</summary>
public sealed class PdfUnavailableException(string message) : Exception(message);
