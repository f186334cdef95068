using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Cli.Tests;

/// <summary>
/// Issue 10, break 4: <c>kill -9</c> during <c>impacteval report</c> left the previous rapport.xlsx at 0 bytes, complete
/// files with no <c>report.export</c> audit entry, and Chromium processes running. A real <c>impacteval report</c> of the
/// demo store (HTML, workbook, PDF and CSV) is killed with SIGKILL at several points of its work; after each kill every
/// report file is complete — the previous version or the new one — and its SHA-256 is in a <c>report.export</c> entry,
/// and no process it started is still running.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ReportKillTests(DemoRun demo, ITestOutputHelper output) : IClassFixture<DemoRun>
{
    private static readonly string[] Report = ["report", "--protocol", "passerelles", "--format", "html,xlsx,pdf,csv", "--out", Path.Combine("out", "passerelles")];

    /// <summary>Where the command is when it is killed, as seen from outside.</summary>
    public enum KillPoint
    {
        /// <summary>Shortly after start: the store is opened, the estimates read.</summary>
        Starting,
        /// <summary>As soon as the first new file appears, staged next to its target.</summary>
        Staging,
        /// <summary>While Chromium prints the PDF.</summary>
        Printing,
        /// <summary>As soon as the new workbook has replaced the previous one (the renames have begun).</summary>
        Replacing,
    }

    private string Directory_ => demo.ReportDirectory;

    // Each kill point in turn, then a run left to finish: never a partial file, the audit covers every file on disk,
    // no Chromium left behind, and the run after the kills cleans the temporary files up and exits 0.
    [Fact]
    public async Task Report_KilledAtEachPoint_PreviousOrNewCompleteFilesAllAuditedNoChromiumLeft()
    {
        Assert.True(demo.First.ExitCode == 0, demo.First.Output);
        var first = await demo.Cli.RunAsync(Report); // the previous report, in every format (CSV included)
        Assert.True(first.ExitCode == 0, first.Output);

        foreach (var point in Enum.GetValues<KillPoint>())
        {
            var before = Snapshot();
            var marker = ProcessScan.NewMarker();
            using var process = demo.Cli.Start(new Dictionary<string, string> { [ProcessScan.MarkerVariable] = marker }, Report);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var reached = await WaitForAsync(point, before, marker, process);
            process.Kill(); // SIGKILL, the command alone: what it started must die with it
            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);

            var after = Snapshot();
            var changed = after.Where(f => !before.TryGetValue(f.Key, out var hash) || hash != f.Value).Select(f => f.Key).ToList();
            output.WriteLine($"{point}: {(reached ? "reached" : "not reached before the command ended")}; files replaced: {(changed.Count == 0 ? "none" : string.Join(", ", changed))}");
            if (point != KillPoint.Replacing) Assert.True(reached, $"{point} not reached: {await stdout}{await stderr}"); // the renames may all be done before we look
            await AssertConsistentAsync(after);
            Assert.Empty(await ProcessScan.SurvivorsAsync(marker, TimeSpan.FromSeconds(10)));
        }

        var last = await demo.Cli.RunAsync(Report);
        Assert.True(last.ExitCode == 0, last.Output);
        await AssertConsistentAsync(Snapshot());
        Assert.Empty(Directory.EnumerateFiles(Directory_, ".*").Concat(Directory.EnumerateFiles(Tables, ".*"))); // temporary files of the killed runs swept
    }

    /// <summary>The report files on disk — rapport.* and rapport-tableaux/*.csv, not the demo's synthetic data nor temporary files — and their SHA-256.</summary>
    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Directory_, "rapport.*")
            .Concat(Directory.Exists(Tables) ? Directory.EnumerateFiles(Tables, "*.csv") : [])
            .ToDictionary(f => f, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private string Tables => Path.Combine(Directory_, "rapport-tableaux");

    /// <summary>Every file complete for its format, and its content hash recorded by a report.export entry naming it.</summary>
    private async Task AssertConsistentAsync(Dictionary<string, string> files)
    {
        Assert.Contains(Path.Combine(Directory_, "rapport.xlsx"), files.Keys);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory });
        var exports = await db.AuditEntries.Where(a => a.Action == "report.export").Select(a => a.Details ?? "").ToListAsync();
        foreach (var (path, hash) in files)
        {
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 0, $"{path} is empty");
            switch (Path.GetExtension(path))
            {
                case ".xlsx":
                    using (var zip = new ZipArchive(new MemoryStream(bytes))) Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
                    break;
                case ".pdf":
                    var text = Encoding.Latin1.GetString(bytes);
                    Assert.StartsWith("%PDF-", text);
                    Assert.Contains("%%EOF", text[^64..]);
                    break;
                case ".html":
                    Assert.EndsWith("</html>", Encoding.UTF8.GetString(bytes).TrimEnd());
                    break;
            }
            Assert.True(exports.Any(d => d.Contains($"{path} (SHA-256 {hash})", StringComparison.Ordinal)),
                $"{Path.GetFileName(path)} ({hash}) is on disk without a report.export entry recording it");
        }
    }

    /// <summary>Waits until the command reaches <paramref name="point"/>; false when it ended first.</summary>
    private async Task<bool> WaitForAsync(KillPoint point, Dictionary<string, string> before, string marker, Process process)
    {
        var clock = Stopwatch.StartNew();
        var workbook = Path.Combine(Directory_, "rapport.xlsx");
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var reached = point switch
            {
                KillPoint.Starting => clock.Elapsed > TimeSpan.FromMilliseconds(300),
                KillPoint.Staging => Directory.EnumerateFiles(Directory_, ".*.tmp").Any(),
                KillPoint.Printing => ProcessScan.Marked(marker).Any(p => p.CommandLine.Contains("chromium", StringComparison.Ordinal)),
                _ => Changed(workbook, before[workbook]),
            };
            if (reached) return true;
            await Task.Delay(2);
        }
        return false;
    }

    private static bool Changed(string path, string previousHash)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) != previousHash;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
