using System.Diagnostics;

namespace ImpactEval.Collection.Tests.Support;

/// <summary>
/// Runs the real LibreOffice (Debian package libreoffice-calc-nogui) headless to convert files, each run with its
/// own fresh user profile so that parallel runs do not clash. A missing soffice fails the test: CI installs it.
/// </summary>
public static class LibreOffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Converts <paramref name="file"/> with the given soffice filter ("csv:…", "xlsx") into <paramref name="outputDirectory"/>; returns the output path.</summary>
    public static string Convert(string file, string filter, string extension, string outputDirectory)
    {
        var soffice = Find() ?? throw new InvalidOperationException(
            "LibreOffice (soffice) was not found on PATH: install the Debian package libreoffice-calc-nogui (CI installs it). This test must not be skipped.");
        var profile = Path.Combine(Path.GetTempPath(), $"lo-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", filter, "--outdir", outputDirectory, file })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"soffice did not finish within {Timeout.TotalSeconds} s converting {file}.");
            }
            var result = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(file) + "." + extension);
            if (process.ExitCode != 0 || !File.Exists(result))
                throw new InvalidOperationException($"soffice failed ({process.ExitCode}) converting {file}: {output.Result} {error.Result}");
            return result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "soffice")).FirstOrDefault(File.Exists);
}
