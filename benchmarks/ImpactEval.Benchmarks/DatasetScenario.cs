using System.Diagnostics;
using ImpactEval.Analysis;
using ImpactEval.Core.Loading;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// <c>dataset [--observations N] [--repeat R]</c>: assembles the analysis dataset of N observations (default 1,000,000:
/// N/10 pupils, 5 indicators × 2 waves, 5 baseline covariates) from the rows read from the store (<see cref="DatasetRows"/>),
/// twice: into arrays (<see cref="DatasetBuilder.Assemble"/>, the analyses' path, the baseline) and through Deedle frames
/// (<see cref="DatasetFrame.Assemble"/> then <see cref="DatasetFrame.ToAnalysisDataset"/>, the export's path). Prints the
/// median time of R runs (default 5) and the allocated bytes of each, and checks that both give the same fingerprint.
/// </summary>
/// <remarks>The rows are synthetic and in memory: the store read is the same for both paths and is not measured here.</remarks>
public static class DatasetScenario
{
    private const int Indicators = 5, Waves = 2, Covariates = 5;

    /// <summary>Runs the scenario.</summary>
    public static int Run(string[] args)
    {
        var observations = IntOption(args, "--observations", 1_000_000);
        var repeat = IntOption(args, "--repeat", 5);
        var pupils = observations / (Indicators * Waves);
        var protocol = ProtocolLoader.Load(Yaml(), "bench-dataset.yaml").Protocol ?? throw new InvalidOperationException("protocol");
        var rows = Rows(pupils);
        Console.WriteLine($"data: {pupils:N0} enrolments, {rows.ObservationValue.Length:N0} observations ({Indicators} indicators × {Waves} waves), {rows.BaselineValue.Length:N0} baseline values");

        var arrays = Measure("arrays (DatasetBuilder.Assemble)", repeat, () => DatasetBuilder.Assemble(protocol, rows).Fingerprint);
        var frames = Measure("Deedle (DatasetFrame.Assemble + ToAnalysisDataset)", repeat, () => DatasetFrame.Assemble(protocol, rows).ToAnalysisDataset().Fingerprint);
        var frameOnly = Measure("Deedle frame only (DatasetFrame.Assemble)", repeat, () => DatasetFrame.Assemble(protocol, rows).Count.ToString());
        if (arrays.Result != frames.Result) throw new InvalidOperationException("the two assemblies differ");
        Console.WriteLine($"ratio Deedle / arrays: {frames.Median / arrays.Median:F2} (frame alone {frameOnly.Median / arrays.Median:F2}); same fingerprint {arrays.Result[..12]}");
        return 0;
    }

    private static (double Median, string Result) Measure(string name, int repeat, Func<string> run)
    {
        var result = run(); // warm-up
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            result = run();
            times.Add(clock.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"{name}: median {median:F0} ms over {repeat} runs (min {times[0]:F0}, max {times[^1]:F0}), {allocated / 1e6:F0} MB allocated per run");
        return (median, result);
    }

    private static DatasetRows Rows(int pupils)
    {
        var random = new Random(20260301);
        var ids = Enumerable.Range(1, pupils).ToArray();
        string[] groups = ["BEN", "TEM"];
        var covariates = Enumerable.Range(1, Covariates).Select(c => $"X{c}").ToArray();
        var keys = Enumerable.Range(1, Indicators).SelectMany(i => Enumerable.Range(1, Waves).Select(w => (Key: AnalysisDataset.Key($"I{i}", $"T{w}"), Wave: $"T{w}"))).ToArray();
        var n = pupils * keys.Length;
        var enrolment = new int[n];
        var key = new string[n];
        var wave = new string[n];
        var value = new double[n];
        var date = new DateOnly?[n];
        var k = 0;
        foreach (var id in ids)
            foreach (var (column, w) in keys)
            {
                enrolment[k] = id;
                key[k] = column;
                wave[k] = w;
                value[k] = Math.Round(random.NextDouble() * 100, 2);
                date[k] = new DateOnly(2026, 6, 1).AddDays(random.Next(20));
                k++;
            }
        // The store returns observations in no particular order: shuffle them.
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var baselineCount = pupils * Covariates;
        return new DatasetRows(1, GroupAssignment.IntentionToTreat, ids, [.. ids.Select(i => $"P{i:000000}")], [.. ids.Select(i => groups[i % 2])],
            [.. ids.Select(i => (string?)$"E{i % 40:00}")], [.. ids.Select(_ => "active")],
            [.. Enumerable.Range(0, baselineCount).Select(b => ids[b / Covariates])], [.. Enumerable.Range(0, baselineCount).Select(b => covariates[b % Covariates])],
            [.. Enumerable.Range(0, baselineCount).Select(_ => Math.Round(random.NextDouble() * 10, 1))],
            [.. order.Select(i => enrolment[i])], [.. order.Select(i => key[i])], [.. order.Select(i => wave[i])], [.. order.Select(i => value[i])], [.. order.Select(i => date[i])]);
    }

    private static string Yaml() => $$"""
        id: bench-dataset
        title: "Assemblage du jeu de données"
        territory: CE-999-98
        indicators:
        {{string.Join("\n", Enumerable.Range(1, Indicators).Select(i => $"  - {{ code: I{i}, label: \"Indicateur {i}\", level: resultat, type: continuous, waves: [T1, T2] }}"))}}
        groups:
          - { code: BEN, label: "Bénéficiaires", role: focal }
          - { code: TEM, label: "Témoins", role: comparison }
        waves:
          - { code: T1, label: "Début", date: 2025-10-01 }
          - { code: T2, label: "Fin", date: 2026-06-12 }
        covariates:
        {{string.Join("\n", Enumerable.Range(1, Covariates).Select(c => $"  - {{ code: X{c}, label: \"Covariable {c}\", type: continuous }}"))}}
        cluster: { code: ecole, label: "École" }
        """;
}
