using System.Diagnostics;
using System.Globalization;
using ImpactEval.Analysis;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Reporting;
using ImpactEval.Reporting.Inputs;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// <c>workbooks [--rows 10000] [--repeat 10]</c>: writes the demo's report workbook (the PasserelleS protocol, its seeded
/// 900-family cohort imported and analysed, the report model with disclosure control — the tables of
/// <c>rapport.xlsx</c>) and a collection workbook of wave T1 with a roster of N identifiers, and prints for each: the file
/// size, the time of the first write of the process, then the best and median time of <c>--repeat</c> writes after a warm-up,
/// the bytes allocated per write and the peak working set while writing (with the resident size before).
/// </summary>
/// <remarks>
/// Set-up (store, imports, estimates, report model) is timed apart and not counted. The peak working set is reset
/// before each case (Linux: <c>/proc/self/clear_refs</c>), so it is the process's resident peak while writing that
/// workbook: the runtime and the set-up's live data included, measured the same way before and after a change. Run
/// from the repository (it reads <c>protocols/passerelles.yaml</c> and <c>templates/</c>).
/// </remarks>
public static class WorkbooksScenario
{
    /// <summary>Runs the scenario.</summary>
    public static int Run(string[] args)
    {
        var rows = IntOption(args, "--rows", 10_000);
        var repeat = IntOption(args, "--repeat", 10);
        return InScratchDirectory(args, root => RunAsync(rows, repeat, root));
    }

    private static async Task<int> RunAsync(int rows, int repeat, string root)
    {
        var repository = ReportsScenario.RepositoryRoot();
        var clock = Stopwatch.StartNew();
        var yaml = await File.ReadAllTextAsync(Path.Combine(repository, "protocols", "passerelles.yaml"));
        var protocol = ProtocolLoader.Load(yaml, "passerelles.yaml").Protocol ?? throw new InvalidOperationException("protocols/passerelles.yaml does not load");
        var model = await DemoReportModel(yaml, protocol, root);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"set-up (demo store, imports, estimates, report model): {clock.Elapsed.TotalSeconds:F1} s; report: {model.Tables.Count(t => t.InWorkbook)} tables, {model.Tables.Where(t => t.InWorkbook).Sum(t => t.Rows.Length)} rows"));

        var renderer = ReportRenderer.For(Path.Combine(repository, "templates"));
        Measure("report workbook (demo rapport.xlsx)", repeat, () => renderer.RenderXlsx(model).Length);

        var identifiers = Enumerable.Range(1, rows).Select(i => $"DOS-{i:000000}").ToArray();
        Measure(string.Create(CultureInfo.InvariantCulture, $"collection workbook (wave T1, {rows:N0} rows × {CollectionWorkbook.IndicatorsAt(protocol, protocol.FindWave("T1")!).Count + 3} columns)"), repeat, () =>
        {
            using var stream = new MemoryStream();
            CollectionWorkbook.Write(protocol, "T1", identifiers, stream);
            return stream.Length;
        });
        return 0;
    }

    private static void Measure(string what, int repeat, Func<long> write)
    {
        // The first write of the process (what one `impacteval report` or `workbook` command pays: the library's code is
        // compiled on first use), then warm-up writes until the runtime has optimised the hot code, then the measured writes.
        var cold = Stopwatch.StartNew();
        write();
        var first = cold.Elapsed.TotalMilliseconds;
        for (var i = 0; i < WarmUp; i++) write();
        Thread.Sleep(200); // let tiered compilation finish its background work
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Machine.ResetPeakWorkingSet();
        var resident = Environment.WorkingSet / (1024.0 * 1024);
        var times = new List<double>(repeat);
        long size = 0, allocated = 0;
        for (var i = 0; i < repeat; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            size = write();
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {size / 1024.0:F0} KiB; first write of the process {first:F0} ms; then best {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms over {repeat} writes; " +
            $"{allocated / (1024.0 * 1024):F1} MiB allocated per write; peak working set {Machine.PeakWorkingSetMiB():F0} MiB (resident before writing: {resident:F0} MiB)"));
    }

    /// <summary>Writes before measuring: more than the runtime's 30 calls after which a method is recompiled optimised.</summary>
    private const int WarmUp = 40;

    private static async Task<Reporting.Model.ReportModel> DemoReportModel(string yaml, Core.Model.Protocol protocol, string root)
    {
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = root });
        var registration = await new ProtocolRegistry(db).RegisterAsync(ProtocolLoader.Load(yaml, "passerelles.yaml"), "passerelles.yaml", "bench");
        if (registration.Status != RegistrationStatus.Created) throw new InvalidOperationException($"registration: {registration.Status}");
        var pseudonymiser = new Pseudonymiser(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));
        var options = new ImportOptions("bench");
        var cohort = PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed, 900);
        var files = CohortFiles.Write(protocol, cohort.Participants, Path.Combine(root, "donnees"));
        await ImportCohortAsync(db, pseudonymiser, protocol, files, options);
        var computation = await new EstimateService(db).ComputeAsync(protocol.Id, "bench");
        var generatedAt = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));
        return ReportModelBuilder.Build(computation.Protocol, computation.Results, ReportGeneration.For(computation.Results, generatedAt));
    }
}
