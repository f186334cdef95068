using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ImpactEval.Analysis;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Reporting;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// <c>reports [--territories 260] [--families 900] [--pdf] [--keep]</c>: the national load of issue 6 — one store holding
/// the PasserelleS protocol of every cité (its own territory code and its own seeded synthetic cohort), then the cohort
/// report of each cité exported from that store through <see cref="ReportExportService"/>, the path the command line and
/// the worker take (stored estimates reused, report model with disclosure control, HTML and XLSX files written, export
/// audited). Prints the time of the whole loop, per report, and the bytes written. <c>--pdf</c> adds the Chromium print.
/// </summary>
/// <remarks>
/// Registration, imports and the estimates are set-up: they are timed and printed, not part of the figure. Run from the
/// repository (the scenario reads <c>protocols/passerelles.yaml</c> and <c>templates/</c>).
/// </remarks>
public static class ReportsScenario
{
    /// <summary>Runs the scenario.</summary>
    public static int Run(string[] args)
    {
        var territories = IntOption(args, "--territories", 260);
        var families = IntOption(args, "--families", 900);
        return InScratchDirectory(args, root => RunAsync(territories, families, args.Contains("--pdf"), root));
    }

    private static async Task<int> RunAsync(int territories, int families, bool pdf, string root)
    {
        var repository = RepositoryRoot();
        var yaml = await File.ReadAllTextAsync(Path.Combine(repository, "protocols", "passerelles.yaml"));
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = root });
        var pseudonymiser = new Pseudonymiser(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));
        var options = new ImportOptions("bench");

        var imports = TimeSpan.Zero;
        var estimates = TimeSpan.Zero;
        var codes = new List<string>();
        for (var i = 1; i <= territories; i++)
        {
            var code = $"passerelles-{i:000}";
            var text = yaml.Replace("id: passerelles\n", $"id: {code}\n", StringComparison.Ordinal)
                           .Replace("code: CE-999-01", $"code: CE-{i:000}-01", StringComparison.Ordinal)
                           .Replace("(fictive)", $"n° {i} (fictive)", StringComparison.Ordinal);
            var clock = Stopwatch.StartNew();
            var loaded = ProtocolLoader.Load(text, $"{code}.yaml");
            var registration = await new ProtocolRegistry(db).RegisterAsync(loaded, $"{code}.yaml", "bench");
            if (registration.Status != RegistrationStatus.Created) throw new InvalidOperationException($"{code}: {registration.Status}: {string.Join("; ", loaded.Problems)}");
            var protocol = loaded.Protocol!;
            var cohort = PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed + (ulong)i, families);
            var files = CohortFiles.Write(protocol, cohort.Participants, Path.Combine(root, "donnees", code));
            await ImportCohortAsync(db, pseudonymiser, protocol, files, options);
            imports += clock.Elapsed;
            clock.Restart();
            await new EstimateService(db).ComputeAsync(code, "bench");
            estimates += clock.Elapsed;
            db.ChangeTracker.Clear();
            codes.Add(code);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data: {territories} territories × {families} families (3 groups, 8 schools, 2 waves) in one SQLite store ({new FileInfo(Path.Combine(root, "impacteval.db")).Length / 1e6:F0} MB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"set-up: registration and imports {imports.TotalSeconds:F1} s; estimates {estimates.TotalSeconds:F1} s ({estimates.TotalMilliseconds / territories:F0} ms per territory)"));

        ImmutableArray<ReportFormat> formats = pdf ? [ReportFormat.Html, ReportFormat.Xlsx, ReportFormat.Pdf] : [ReportFormat.Html, ReportFormat.Xlsx];
        var templates = Path.Combine(repository, "templates");
        var output = Path.Combine(root, "rapports");
        var service = new ReportExportService(db);
        await service.ExportAsync(new ReportExport(codes[0], null, formats, Path.Combine(output, "warm-up"), TemplatesDirectory: templates), "bench"); // template compilation
        long bytes = 0;
        var rendering = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        foreach (var code in codes)
        {
            var outcome = await service.ExportAsync(new ReportExport(code, null, formats, Path.Combine(output, code), TemplatesDirectory: templates), "bench");
            if (!outcome.Computation.Reused) throw new InvalidOperationException($"{code}: estimates recomputed, the figure would include them");
            rendering += outcome.Elapsed;
            bytes += outcome.Written.Files.Sum(file => new FileInfo(file).Length);
            db.ChangeTracker.Clear();
        }
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reports ({string.Join(" + ", formats.Select(x => x.ToString().ToUpperInvariant()))}, stored estimates read, model with disclosure control, files written, export audited): " +
            $"{territories} territories in {watch.Elapsed.TotalSeconds:F1} s = {watch.Elapsed.TotalMilliseconds / territories:F0} ms per report " +
            $"(reading the data and stored estimates {(watch.Elapsed - rendering).TotalMilliseconds / territories:F0} ms, model and files {rendering.TotalMilliseconds / territories:F0} ms), {bytes / 1e6:F0} MB written; peak working set {Machine.PeakWorkingSetMiB():F0} MiB"));
        return 0;
    }

    /// <summary>The repository holding this scenario's protocols and templates (the working directory or a parent).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) return directory.FullName;
        throw new InvalidOperationException("Run the reports scenario from the repository (it reads protocols/passerelles.yaml and templates/).");
    }


}
