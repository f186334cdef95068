using System.Diagnostics;

namespace ImpactEval.Cli.Tests;

/// <summary>Runs the real impacteval executable (the built impacteval.dll) as a child process in a scratch directory.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "impacteval-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    public string DataDirectory => Path.Combine(WorkingDirectory, "data");

    public sealed record Run(int ExitCode, string Output);

    public Task<Run> RunAsync(params string[] arguments) => RunWithEnvironmentAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs with <paramref name="input"/> on the standard input (a password, for instance).</summary>
    public Task<Run> RunWithInputAsync(string input, params string[] arguments) => RunWithEnvironmentAsync(new Dictionary<string, string>(), arguments, input);

    /// <summary>Runs with extra environment variables (e.g. IMPACTEVAL_CHROMIUM pointing nowhere, as on a machine without Chromium).</summary>
    public Task<Run> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunWithEnvironmentAsync(environment, arguments, null);

    private async Task<Run> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string[] arguments, string? input)
    {
        using var process = Start(environment, arguments, input);
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output + await error);
    }

    /// <summary>Starts the command without waiting (to kill it on the way); its output and error are redirected, the caller reads them.</summary>
    public Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) => Start(environment, arguments, null);

    private Process Start(IReadOnlyDictionary<string, string> environment, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "impacteval.dll"));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(DataDirectory);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["IMPACTEVAL_DATA"] = DataDirectory;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(WorkingDirectory, recursive: true); } catch (IOException) { }
    }
}
