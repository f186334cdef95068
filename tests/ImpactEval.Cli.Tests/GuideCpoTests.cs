using System.Diagnostics;
using System.Text.RegularExpressions;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Cli.Tests;

/// <summary>
/// Issue 17: docs/guide-cpo.md walks a CPO through the whole cycle. This test follows it: every command of its
/// <c>sh</c> blocks runs, in order, in one scratch directory holding the repository's <c>protocols/</c> (as at the root
/// of a clone), and must succeed; what the guide says a step produces is checked after it. A guide line that is
/// neither an <c>impacteval</c> command nor <c>rm -rf data</c> fails the test, so the guide cannot show a command no
/// test runs.
/// </summary>
public partial class GuideCpoTests(ITestOutputHelper output)
{
    private const string Password = "Guide-cpo-2026";

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    /// <summary>The commands of the guide's sh blocks, in order.</summary>
    private static List<string> Commands()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "guide-cpo.md"));
        return [.. ShellBlock().Matches(guide).SelectMany(m => m.Groups["body"].Value.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    [Fact]
    public async Task Guide_EveryCommandInOrder_RunsOnTheDemoAndDoesWhatTheGuideSays()
    {
        using var cli = new CliRunner();
        CopyProtocols(cli.WorkingDirectory);
        var commands = Commands();
        Assert.True(commands.Count >= 15, $"{commands.Count} commands in the guide");
        var outputs = new Dictionary<string, string>();
        foreach (var line in commands)
        {
            var clock = Stopwatch.StartNew();
            var text = await RunAsync(cli, line);
            output.WriteLine($"$ {line}   ({clock.Elapsed.TotalSeconds:0.0} s)");
            outputs[line] = text;
        }

        // What the guide says each step gives.
        string Of(string prefix) => outputs.Single(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
        Assert.Contains("Évaluabilité", Of("impacteval protocol validate"));
        Assert.Contains("Effet minimal détectable", Of("impacteval power protocols/passerelles.yaml --effect"));
        Assert.Contains("Puissance pour l'effet donné", Of("impacteval power protocols/passerelles.yaml --effect"));
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "modele-inscription.xlsx")));
        Assert.Equal(16, Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "classeurs-T1"), "collecte-passerelles-T1-*.xlsx").Length);
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "classeurs-T1", "collecte-passerelles-T1-E03-enseignant.xlsx")));
        Assert.Contains("Classeurs de la vague T1", Of("impacteval workbook --protocol passerelles --wave T1 --returns"));
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "rapport", "rapport.html")));
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "rapport", "rapport.xlsx")));
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(900, await db.Enrolments.CountAsync()); // the cycle's own enrolment, after "rm -rf data"
        Assert.Equal(2, await db.Users.CountAsync());
    }

    /// <summary>Runs one guide line; fails the test when it does not succeed.</summary>
    private static async Task<string> RunAsync(CliRunner cli, string line)
    {
        if (line == "rm -rf data")
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(cli.DataDirectory, recursive: true);
            return "";
        }
        Assert.True(line.StartsWith("impacteval ", StringComparison.Ordinal), $"The guide shows a command no test runs: {line}");
        var arguments = line["impacteval ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (arguments[0] == "serve") return await ServeAsync(cli, arguments);
        var run = arguments is ["user", "add", ..]
            ? await cli.RunWithInputAsync(Password, arguments) // read from the standard input when it is not a terminal
            : await cli.RunAsync(arguments);
        Assert.True(run.ExitCode == 0, $"{line} → exit {run.ExitCode}\n{run.Output}");
        return run.Output;
    }

    /// <summary>Starts the service as the guide does, waits until its sign-in page answers, then stops it.</summary>
    private static async Task<string> ServeAsync(CliRunner cli, string[] arguments)
    {
        // The guide's port, replaced by a free one so that the test never collides with another service of the machine.
        var at = Array.IndexOf(arguments, "--urls") + 1;
        var url = arguments[at] = new UriBuilder(arguments[at]) { Port = FreePort() }.Uri.ToString().TrimEnd('/');
        using var process = cli.Start(new Dictionary<string, string>(), arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string? page = null;
        while (page is null && clock.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/connexion");
                if (response.IsSuccessStatusCode) page = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Assert.True(page is not null, $"impacteval serve did not answer on {url}: {await stdout}");
        Assert.Contains("lang=\"fr\"", page);
        return page!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyProtocols(string directory)
    {
        var target = Path.Combine(directory, "protocols");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "protocols"), "*.yaml"))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("ImpactEval.sln not found above " + AppContext.BaseDirectory);
    }
}
