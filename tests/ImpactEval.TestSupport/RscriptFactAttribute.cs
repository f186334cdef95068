using System.Diagnostics;
using Xunit;

namespace ImpactEval.TestSupport;

/// <summary>
/// A fact that needs R: skipped, with a message that says so, only when <c>Rscript</c> is not on the PATH (a developer
/// machine without R); CI installs r-base-core and the r-cran packages of .ci/run, so the test always runs there.
/// </summary>
public sealed class RscriptFactAttribute : FactAttribute
{
    public RscriptFactAttribute()
    {
        if (Rscript.Path is null) Skip = "Rscript est absent de cette machine : installez r-base-core et r-cran-estimatr, r-cran-clubsandwich, r-cran-sandwich, r-cran-ordinal, r-cran-nnet (comme .ci/run) pour vérifier reproduire.R.";
    }
}

/// <summary>Where Rscript is, if anywhere.</summary>
public static class Rscript
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, "Rscript");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs a script with arguments; returns the exit code and the output (standard and error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
