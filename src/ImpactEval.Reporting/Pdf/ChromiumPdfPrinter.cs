using System.Diagnostics;

namespace ImpactEval.Reporting.Pdf;

/// <summary>
/// Prints an HTML report to PDF with headless Chromium's <c>--print-to-pdf</c> (the page size and margins come
/// from the report's CSS <c>@page</c> rule: A4). Chromium is looked for in the environment variable
/// <c>IMPACTEVAL_CHROMIUM</c>, then at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome. Each run
/// uses a fresh profile directory, deleted afterwards, and no network.
/// </summary>
/// <remarks>
/// Chromium runs in a process group of its own (<see cref="ChildProcessGroup"/>): on timeout (<see cref="DefaultTimeout"/>
/// unless told otherwise), on cancellation (Ctrl+C, the worker host stopping) and when this process dies, even by
/// <c>kill -9</c>, the browser and every process it started are killed; none is left running.
/// </remarks>
public static class ChromiumPdfPrinter
{
    /// <summary>Environment variable naming the Chromium executable.</summary>
    public const string EnvironmentVariable = "IMPACTEVAL_CHROMIUM";

    /// <summary>How long Chromium may take to print a report when no other time is given: one minute.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

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
    /// <param name="timeout">How long Chromium may take (default <see cref="DefaultTimeout"/>); it is killed after that.</param>
    /// <param name="cancellationToken">Cancels the print (Chromium and its processes are killed).</param>
    /// <exception cref="PdfUnavailableException">Chromium is absent, failed or timed out (French message).</exception>
    /// <exception cref="OperationCanceledException">The print was cancelled.</exception>
    public static async Task PrintAsync(string htmlPath, string pdfPath, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var chromium = FindChromium() ?? throw new PdfUnavailableException(MissingChromiumMessage);
        var limit = timeout ?? DefaultTimeout;
        var profile = Path.Combine(Path.GetTempPath(), "impacteval-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var output = Path.GetFullPath(pdfPath);
        if (File.Exists(output)) File.Delete(output);
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
            "--disable-crash-reporter", "--disable-breakpad",
            "--no-pdf-header-footer", $"--user-data-dir={profile}", $"--print-to-pdf={output}",
            new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
        ];
        try
        {
            using var group = StartChromium(chromium, arguments);
            var process = group.Process;
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(limit);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                group.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw new PdfUnavailableException($"Chromium n'a pas produit le PDF dans le délai imparti ({limit.TotalSeconds:0} s) : il a été arrêté.");
            }
            group.Kill(); // what the browser left behind, if anything: its output streams then close
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

    private static ChildProcessGroup StartChromium(string chromium, string[] arguments)
    {
        try
        {
            return ChildProcessGroup.Start(chromium, arguments);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PdfUnavailableException($"Chromium ({chromium}) n'a pas pu être lancé : {e.Message}");
        }
    }

    private static string Tail(string text) => text.Length > 600 ? text[^600..] : text;
}

/// <summary>PDF output is not possible (Chromium absent, failed or too slow); the message is French and says what to do.</summary>
public sealed class PdfUnavailableException(string message) : Exception(message);
