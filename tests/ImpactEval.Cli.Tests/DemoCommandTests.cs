using System.Net;
using ImpactEval.TestSupport;
using System.Text.RegularExpressions;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Reporting.Pdf;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Cli.Tests;

/// <summary>
/// Runs <c>impacteval demo</c> once in a scratch directory (a real SQLite store, the real executable); the tests of
/// <see cref="DemoCommandTests"/> read its output and its files, then run the demo and the report command again on the
/// same store.
/// </summary>
public sealed class DemoRun : IAsyncLifetime, IDisposable
{
    public CliRunner Cli { get; } = new();

    public CliRunner.Run First { get; private set; } = new(-1, "");

    public string ReportDirectory => Path.Combine(Cli.WorkingDirectory, "out", "passerelles");

    public async Task InitializeAsync() => First = await Cli.RunAsync("demo");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Cli.Dispose();
}

/// <summary>The tests that read the one demo run (<see cref="DemoCommandTests"/>, <see cref="WorkbenchCommandTests"/>).</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoRun>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "demo";
}

[Collection(DemoCollection.Name)]
public class DemoCommandTests(DemoRun demo, ITestOutputHelper output)
{
    private static readonly string[] Cooperation = ["COOP_PROPRETE", "COOP_SEPARATION", "COOP_QUESTIONS", "CLIMAT_RELATION"];

    /// <summary>The rows of the summary table printed by the demo: one array of trimmed cells per row (header included).</summary>
    private static List<string[]> SummaryRows(string text) =>
        [.. text.Split('\n').Where(l => l.TrimStart().StartsWith('│')).Select(l => l.Trim().Trim('│').Split('│').Select(c => c.Trim()).ToArray())];

    /// <summary>The HTML as a reader sees its text: entities decoded, French non-breaking spaces as plain spaces.</summary>
    private static string Readable(string html) => PlainHtml.Of(html);

    // A CPO tries ImpactEval on the synthetic PasserelleS cohort: the demo computes the estimates and writes the report.
    // For each of the four teacher-rated cooperation indicators, the report gives every focal-vs-comparison contrast of
    // every analysis with its interval; the summary says each adjusted interval contains the true (synthetic) effect.
    [Fact]
    public async Task Demo_FromNothing_ReportWithEveryCooperationContrastAndTrueEffectsCovered()
    {
        Assert.True(demo.First.ExitCode == 0, demo.First.Output);
        output.WriteLine(string.Join('\n', demo.First.Output.Split('\n').Where(l => l.Contains("rapport", StringComparison.OrdinalIgnoreCase))));

        // The summary table: every row that prints a true effect has it inside its interval.
        var rows = SummaryRows(demo.First.Output);
        var header = rows.First(r => r.Contains("Dans l'IC"));
        int truth = Array.IndexOf(header, "Vrai effet"), inside = Array.IndexOf(header, "Dans l'IC"), indicator = Array.IndexOf(header, "Indicateur");
        var withTruth = rows.Where(r => r.Length == header.Length && r != header && r[truth] is not ("" or "—")).ToList();
        Assert.All(withTruth, r => Assert.Equal("oui", r[inside]));
        // Every cooperation contrast on the scale of the indicator (ANCOVA at T1 and T2, weighting) prints its true effect;
        // odds ratios have none to compare with.
        var protocol = ProtocolLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml")).Protocol!;
        var differenceAnalyses = protocol.Analyses.Count(a => a.OutcomeCodes.Intersect(Cooperation).Any()
            && a.Estimator is not (Core.Model.Estimator.OrderedLogit or Core.Model.Estimator.Logistic));
        Assert.Equal(differenceAnalyses * Cooperation.Length * 2, withTruth.Count(r => Cooperation.Contains(r[indicator])));
        output.WriteLine($"{withTruth.Count} adjusted intervals printed with their true effect, all containing it");

        // The report files, where the demo says it wrote them.
        var html = Path.Combine(demo.ReportDirectory, "rapport.html");
        Assert.True(File.Exists(html));
        Assert.True(File.Exists(Path.Combine(demo.ReportDirectory, "rapport.xlsx")));
        if (ChromiumPdfPrinter.FindChromium() is not null) Assert.True(File.Exists(Path.Combine(demo.ReportDirectory, "rapport.pdf")));
        Assert.Contains(Path.Combine("out", "passerelles", "rapport.html"), demo.First.Output);
        foreach (var file in Directory.GetFiles(demo.ReportDirectory, "rapport.*"))
            output.WriteLine($"{Path.GetFileName(file)} : {new FileInfo(file).Length / 1024.0:F1} KiB");

        // Each cooperation indicator against each comparison group, with its interval, in the four analyses of the
        // cooperation outcomes (ANCOVA at T1 and T2, ordered logit, weighting).
        var text = Readable(await File.ReadAllTextAsync(html));
        var analyses = protocol.Analyses.Where(a => a.OutcomeCodes.Intersect(Cooperation).Any()).ToList();
        Assert.Equal(4, analyses.Count);
        foreach (var code in Cooperation)
        foreach (var comparison in protocol.Groups.Where(g => g.Role == Core.Model.GroupRole.Comparison))
        {
            var label = protocol.FindIndicator(code)!.Label;
            var pattern = new Regex($@"<strong>{Regex.Escape(label)}</strong> — {Regex.Escape(comparison.Label)} : (?<e>-?\d+,\d+) \[(?<lo>-?\d+,\d+) ; (?<hi>-?\d+,\d+)\]");
            var matches = pattern.Matches(text);
            Assert.True(matches.Count == analyses.Count, $"{code} vs {comparison.Code}: {matches.Count} contrasts with an interval");
            foreach (Match m in matches)
            {
                double Value(string group) => double.Parse(m.Groups[group].Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(Value("e"), Value("lo"), Value("hi"));
            }
        }

        // The synthesis for the steering committee, next to the report.
        Assert.True(File.Exists(Path.Combine(demo.ReportDirectory, "synthese-copil.html")));
        if (ChromiumPdfPrinter.FindChromium() is not null) Assert.True(File.Exists(Path.Combine(demo.ReportDirectory, "synthese-copil.pdf")));

        // The demo's data was generated: the cover says so.
        Assert.Contains("<strong>Données synthétiques.</strong> Ce rapport porte sur des données générées par la démonstration", text);

        // The export of the demo's report is audited like any other.
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory });
        var audit = await db.AuditEntries.Where(a => a.Action == "report.export").OrderBy(a => a.Id).FirstAsync();
        Assert.Contains("rapport.html", audit.Details);
    }

    // Running the demo again on the same directory: nothing to import, the estimates are reused, the report rewritten.
    [Fact]
    public async Task Demo_SecondRun_ReportsUnchangedData()
    {
        var second = await demo.Cli.RunAsync("demo");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("inchangé (version 1)", second.Output);
        Assert.Contains("déjà importé le", second.Output);
        Assert.Contains("Estimations : données inchangées, résultats repris.", second.Output);
        Assert.True(File.Exists(Path.Combine(demo.ReportDirectory, "rapport.html")));
    }

    // `impacteval report` on the demo store: the formats asked for, in the directory asked for, at the threshold asked for;
    // the export is recorded in the audit log with the files written.
    [Fact]
    public async Task Report_HtmlAndXlsx_FilesWrittenAndExportAudited()
    {
        var run = await demo.Cli.RunAsync("report", "--protocol", "passerelles", "--format", "html,xlsx", "--out", "copil", "--threshold", "11");

        Assert.True(run.ExitCode == 0, run.Output);
        var directory = Path.Combine(demo.Cli.WorkingDirectory, "copil");
        Assert.Equal(["rapport.html", "rapport.xlsx"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("données inchangées", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rapport « rapport-cohorte »", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("effectifs inférieurs à 11", Readable(await File.ReadAllTextAsync(Path.Combine(directory, "rapport.html"))));
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory });
        var audit = await db.AuditEntries.Where(a => a.Action == "report.export").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal($"cli:{Environment.UserName}", audit.Actor);
        Assert.Contains("passerelles", audit.Subject);
        Assert.Contains(Path.Combine(directory, "rapport.html"), audit.Details);
        Assert.Contains(Path.Combine(directory, "rapport.xlsx"), audit.Details);
        Assert.Contains("seuil 11", audit.Details);
        Assert.NotNull(audit.TerritoryId);
    }

    // On a machine without Chromium the PDF is skipped with a French message saying what to do; the HTML is still written,
    // the command succeeds, and the audit entry says which format was not produced.
    [Fact]
    public async Task Report_PdfWithoutChromium_SkippedWithFrenchMessageExitZero()
    {
        var run = await demo.Cli.RunWithEnvironmentAsync(
            new Dictionary<string, string> { [ChromiumPdfPrinter.EnvironmentVariable] = Path.Combine(demo.Cli.WorkingDirectory, "pas-de-chromium") },
            "report", "--protocol", "passerelles", "--format", "html,pdf", "--out", "sans-pdf");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("nécessite le navigateur Chromium", run.Output);
        var directory = Path.Combine(demo.Cli.WorkingDirectory, "sans-pdf");
        Assert.Equal(["rapport.html"], Directory.GetFiles(directory).Select(Path.GetFileName));
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory });
        var audit = await db.AuditEntries.Where(a => a.Action == "report.export").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("non produit : pdf", audit.Details);
    }

    // `--format csv`: the report's tables as CSV files (one per table) in rapport-tableaux/, audited like any export.
    [Fact]
    public async Task Report_CsvFormat_OneFilePerTableAudited()
    {
        var run = await demo.Cli.RunAsync("report", "--protocol", "passerelles", "--format", "csv", "--out", "tableaux");

        Assert.True(run.ExitCode == 0, run.Output);
        var files = Directory.GetFiles(Path.Combine(demo.Cli.WorkingDirectory, "tableaux", "rapport-tableaux")).Select(Path.GetFileName).Order().ToList();
        Assert.Contains("01-flux.csv", files);
        Assert.True(files.Count >= 10, string.Join(", ", files));
        Assert.All(files, f => Assert.EndsWith(".csv", f));
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory });
        var audit = await db.AuditEntries.Where(a => a.Action == "report.export").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("01-flux.csv", audit.Details);
        Assert.DoesNotContain("non produit", audit.Details);
    }

    // Issue 10, break 5 (template explosion): `impacteval report` with a template of 8 nested loops over the model is
    // refused at once (the same budget as `template check`), with the template and the line, exit 2, nothing written
    // and nothing audited.
    [Fact]
    public async Task Report_EightNestedLoopsTemplate_RefusedExitTwoNothingWritten()
    {
        var template = Path.Combine(demo.Cli.WorkingDirectory, "huit-boucles.liquid");
        await File.WriteAllTextAsync(template, TemplateCommandTests.NestedLoops(8));
        await using (var before = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory }))
        {
            var exports = await before.AuditEntries.CountAsync(a => a.Action == "report.export");

            var run = await demo.Cli.RunAsync("report", "--protocol", "passerelles", "--template", template, "--format", "html,xlsx", "--out", "huit");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("huit-boucles.liquid, ligne 9, colonne 1 : rendu interrompu : plus de 7 niveaux imbriqués", run.Output);
            Assert.False(Directory.Exists(Path.Combine(demo.Cli.WorkingDirectory, "huit")) && Directory.EnumerateFiles(Path.Combine(demo.Cli.WorkingDirectory, "huit")).Any());
            Assert.Equal(exports, await before.AuditEntries.CountAsync(a => a.Action == "report.export"));
        }
    }

    // Refusals: an unknown protocol and an unknown format change nothing and say why, in French.
    [Fact]
    public async Task Report_UnknownProtocolOrFormat_RefusedNothingWritten()
    {
        var unknown = await demo.Cli.RunAsync("report", "--protocol", "inconnu", "--out", "refus");
        var format = await demo.Cli.RunAsync("report", "--protocol", "passerelles", "--format", "html,docx", "--out", "refus");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Aucun protocole « inconnu »", unknown.Output);
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("« docx » n'est pas un format de rapport", format.Output);
        Assert.False(Directory.Exists(Path.Combine(demo.Cli.WorkingDirectory, "refus")));
    }
}
