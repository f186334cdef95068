using System.Diagnostics;
using System.Globalization;
using ImpactEval.Statistics;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// Scenario "cr2": OLS fit and CR2 cluster-robust variance with Bell–McCaffrey df on seeded synthetic
/// data (default 1,000,000 rows, 200 clusters of unequal sizes, 12 coefficients including a
/// cluster-level treatment). Prints data size, fit and CR2 times (median of several runs), peak memory
/// and the machine. With <c>--compare-r</c> and Rscript on the PATH, times
/// <c>estimatr::lm_robust(se_type = "CR2", clusters = cl)</c> on a smaller copy (default 100,000 rows;
/// estimatr forms an n_g×n_g matrix per cluster and takes more than 15 minutes on 1M rows), checks that
/// coefficients and SEs agree to 1e-8 (df to 1e-6) and prints the speed ratio. With <c>--compare-numpy</c> and a python3
/// with NumPy, times a per-cluster CR2 written with NumPy (QR fit, then each cluster's whitened QR and the small
/// eigen-decomposition, no n_g×n_g matrix; SEs only, no df) on the same rows, checks its SEs to 1e-8 and prints the ratio.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project benchmarks/ImpactEval.Benchmarks -- cr2 [--rows N]
/// [--clusters J] [--coefficients K] [--runs R] [--seed S] [--compare-numpy] [--compare-r] [--r-rows N]</c>.
/// </remarks>
public static class Cr2Scenario
{
    public static int Run(string[] args)
    {
        int rows = IntOption(args, "--rows", 1_000_000);
        int clusters = IntOption(args, "--clusters", 200);
        int coefficients = IntOption(args, "--coefficients", 12);
        int runs = IntOption(args, "--runs", 5);
        int seed = IntOption(args, "--seed", 20240615);
        int rRows = IntOption(args, "--r-rows", 100_000);
        bool compareR = args.Contains("--compare-r");
        if (coefficients < 2 || clusters < 2 || rows <= coefficients)
        {
            Console.Error.WriteLine("need --coefficients ≥ 2, --clusters ≥ 2 and --rows > coefficients");
            return 2;
        }

        var data = Generate(rows, clusters, coefficients, seed);
        var sizes = data.Clusters.GroupBy(c => c).Select(g => g.Count()).OrderBy(c => c).ToArray();
        Console.WriteLine($"data: {rows:N0} rows × {coefficients} coefficients (intercept, a cluster-level treatment, " +
                          $"{coefficients - 2} covariates), {clusters} clusters of {sizes[0]}…{sizes[^1]} rows " +
                          $"(median {sizes[sizes.Length / 2]}); {rows * (coefficients + 1) * 8.0 / (1 << 20):F0} MiB of doubles");

        var fitTimes = new List<double>();
        var cr2Times = new List<double>();
        RegressionTable? table = null;
        for (int run = 0; run < runs; run++)
        {
            var sw = Stopwatch.StartNew();
            var fit = LinearModel.Ols(data.Y, data.Design);
            fitTimes.Add(sw.Elapsed.TotalSeconds);
            sw.Restart();
            table = fit.CR2(data.Clusters);
            cr2Times.Add(sw.Elapsed.TotalSeconds);
        }
        var treatment = table!.Term("treatment");
        var totals = fitTimes.Zip(cr2Times, (a, b) => a + b).ToList();
        var dataText = $"{rows:N0} rows × {coefficients} coefficients, {clusters} clusters (in memory)";
        var peak = Machine.PeakWorkingSetMiB();
        Reference? numpy = args.Contains("--compare-numpy") ? CompareWithNumpy(data, table, rows, clusters) : null;
        Figures.Add(new Figure("cr2: OLS + CR2 + BM df", dataText, totals, rows, peak, numpy));
        Console.WriteLine($"fit (QR): median {Median(fitTimes):F3} s; CR2 + Bell-McCaffrey df: median {Median(cr2Times):F3} s; " +
                          $"total {Median(fitTimes) + Median(cr2Times):F3} s (median of {runs} runs)");
        Console.WriteLine($"treatment: estimate {treatment.Value:F5}, CR2 SE {treatment.StandardError:F5}, df {treatment.DegreesOfFreedom:F2}");
        Console.WriteLine($"peak working set: {Machine.PeakWorkingSetMiB():F0} MiB");

        if (compareR) return CompareWithR(rRows, clusters, coefficients, seed);
        return 0;
    }

    /// <summary>The NumPy per-cluster CR2 on the same rows: its median time over 3 runs (data loading excluded), after checking its SEs.</summary>
    private static Reference? CompareWithNumpy(Data data, RegressionTable table, int rows, int clusters)
    {
        var python = ReferenceTools.PythonWithNumpy();
        if (python is null)
        {
            Console.WriteLine("compare-numpy: no python3 with NumPy found; no ratio.");
            return null;
        }
        var dir = Directory.CreateTempSubdirectory("impacteval-numpy-");
        try
        {
            var values = Path.Combine(dir.FullName, "columns.f8");
            using (var writer = new BinaryWriter(File.Create(values)))
            {
                foreach (var v in data.Y) writer.Write(v);
                foreach (var column in data.Columns)
                    foreach (var v in column) writer.Write(v);
            }
            var codes = Path.Combine(dir.FullName, "clusters.i4");
            using (var writer = new BinaryWriter(File.Create(codes)))
                foreach (var c in data.Clusters) writer.Write(c);
            var script = Path.Combine(dir.FullName, "cr2.py");
            File.WriteAllText(script, NumpyCr2);
            var (code, output, error) = ReferenceTools.Run(python, [script, values, codes, rows.ToString(CultureInfo.InvariantCulture),
                (data.Columns.Length + 1).ToString(CultureInfo.InvariantCulture), clusters.ToString(CultureInfo.InvariantCulture)], null);
            if (code != 0) throw new InvalidOperationException($"NumPy reference failed ({code}): {error}");
            var lines = output.Trim().Split('\n');
            var seconds = lines[0].Split(' ').Select(Parse).ToList();
            var ses = lines[1].Split(' ').Select(Parse).ToArray();
            double worst = 0;
            for (int j = 0; j < ses.Length; j++) worst = Math.Max(worst, Relative(ses[j], table.Estimates[j].StandardError));
            Console.WriteLine($"compare-numpy: NumPy per-cluster CR2 median {Median(seconds):F3} s (runs {string.Join(", ", seconds.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}); " +
                              $"max relative SE difference {worst:E1} → {(worst <= 1e-8 ? "agree (1e-8)" : "DISAGREE")}");
            if (worst > 1e-8) throw new InvalidOperationException("The NumPy reference disagrees with ImpactEval's CR2.");
            return new Reference("NumPy per-cluster CR2 (SEs only)", Median(seconds), rows);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// OLS by QR, then CR2 cluster by cluster in whitened coordinates (X̂ = XR⁻¹): QR of X̂_g, S = I − R_gR_gᵀ, and
    /// u_g = X̂_gᵀe_g + R_gᵀ(V f(S) Vᵀ − I)Q_gᵀe_g with f = σ^(−½) (0 below 1e-12) — what estimatr computes with
    /// n_g×n_g matrices, in O(n_g k²) per cluster. Prints the seconds of 3 runs, then the SEs.
    /// </summary>
    private const string NumpyCr2 = """
        import sys, time
        import numpy as np
        values, codes, n, columns, clusters = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        raw = np.fromfile(values, dtype="<f8").reshape(columns, n)
        cl = np.fromfile(codes, dtype="<i4")
        def cr2():
            y = raw[0]
            X = np.column_stack([np.ones(n), raw[1:].T])
            k = X.shape[1]
            Q, R = np.linalg.qr(X)
            beta = np.linalg.solve(R, Q.T @ y)
            e = y - X @ beta
            Rinv = np.linalg.inv(R)
            Xh = X @ Rinv
            order = np.argsort(cl, kind="stable")
            bounds = np.searchsorted(cl[order], np.arange(clusters + 1))
            meat = np.zeros((k, k))
            for g in range(clusters):
                idx = order[bounds[g]:bounds[g + 1]]
                if idx.size == 0:
                    continue
                Xg, eg = Xh[idx], e[idx]
                Qg, Rg = np.linalg.qr(Xg)
                S = np.eye(Rg.shape[0]) - Rg @ Rg.T
                vals, V = np.linalg.eigh((S + S.T) / 2)
                f = np.where(vals > 1e-12, 1 / np.sqrt(np.maximum(vals, 1e-300)), 0.0)
                c = Qg.T @ eg
                u = Xg.T @ eg + Rg.T @ ((V * f) @ (V.T @ c) - c)
                meat += np.outer(u, u)
            return np.sqrt(np.diag(Rinv @ meat @ Rinv.T))
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            se = cr2()
            times.append(time.perf_counter() - t0)
        print(" ".join(f"{t:.6f}" for t in times))
        print(" ".join(f"{s:.17g}" for s in se))
        """;

    private sealed record Data(DesignMatrix Design, double[] Y, int[] Clusters, double[][] Columns);

    /// <summary>
    /// y = 1 + 0.3·treatment + Σ 0.1·k·x_k + u_g + ε with cluster sizes ∝ g + 1 (unequal), treatment
    /// constant within a cluster, x_k standard normal and ε heteroskedastic.
    /// </summary>
    private static Data Generate(int rows, int clusters, int coefficients, int seed)
    {
        var rng = new Random(seed);
        var clusterOf = new int[rows];
        double total = clusters * (clusters + 1) / 2.0;
        var cumulative = new double[clusters];
        double acc = 0;
        for (int g = 0; g < clusters; g++) cumulative[g] = (acc += (g + 1) / total);
        var u = new double[clusters];
        for (int g = 0; g < clusters; g++) u[g] = Normal(rng);
        int k = coefficients - 2;
        var columns = new double[k + 1][];
        for (int j = 0; j <= k; j++) columns[j] = new double[rows];
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            int g = Array.BinarySearch(cumulative, rng.NextDouble());
            if (g < 0) g = ~g;
            g = Math.Min(g, clusters - 1);
            clusterOf[i] = g;
            double treat = g % 2;
            columns[0][i] = treat;
            double eta = 1 + 0.3 * treat + u[g];
            for (int j = 1; j <= k; j++)
            {
                double x = Normal(rng);
                columns[j][i] = x;
                eta += 0.1 * j * x;
            }
            y[i] = eta + Normal(rng) * (0.5 + 0.5 * Math.Abs(columns[Math.Min(1, k)][i]));
        }
        var builder = new DesignMatrixBuilder(rows).AddNumeric("treatment", columns[0]);
        for (int j = 1; j <= k; j++) builder.AddNumeric($"x{j}", columns[j]);
        return new Data(builder.Build(), y, clusterOf, columns);
    }

    private static int CompareWithR(int rRows, int clusters, int coefficients, int seed)
    {
        var rscript = FindOnPath("Rscript");
        if (rscript is null)
        {
            Console.WriteLine("compare-r: Rscript not found on PATH; skipped.");
            return 0;
        }
        var data = Generate(rRows, clusters, coefficients, seed);
        var dir = Directory.CreateTempSubdirectory("impacteval-cr2-");
        try
        {
            var csv = Path.Combine(dir.FullName, "data.csv");
            var names = new[] { "treatment" }.Concat(Enumerable.Range(1, coefficients - 2).Select(j => $"x{j}")).ToArray();
            using (var writer = new StreamWriter(csv))
            {
                writer.WriteLine("y,cl," + string.Join(",", names));
                var line = new System.Text.StringBuilder();
                for (int i = 0; i < rRows; i++)
                {
                    line.Clear();
                    line.Append(data.Y[i].ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(data.Clusters[i]);
                    foreach (var col in data.Columns) line.Append(',').Append(col[i].ToString("R", CultureInfo.InvariantCulture));
                    writer.WriteLine(line);
                }
            }
            var script = Path.Combine(dir.FullName, "cr2.R");
            var output = Path.Combine(dir.FullName, "estimatr.csv");
            File.WriteAllText(script, $$"""
                suppressPackageStartupMessages(library(estimatr))
                d <- read.csv("{{csv}}")
                xs <- setdiff(names(d), c("y", "cl"))
                t0 <- proc.time()[["elapsed"]]
                fit <- lm_robust(reformulate(xs, response = "y"), data = d, clusters = cl, se_type = "CR2")
                elapsed <- proc.time()[["elapsed"]] - t0
                out <- data.frame(term = names(fit$coefficients), estimate = sprintf("%.17g", fit$coefficients),
                                  se = sprintf("%.17g", fit$std.error), df = sprintf("%.17g", fit$df))
                write.csv(out, "{{output}}", row.names = FALSE, quote = FALSE)
                cat(sprintf("%.3f\n", elapsed))
                """);
            Console.WriteLine($"compare-r: {rRows:N0} rows written to a temporary CSV; running estimatr::lm_robust(se_type = \"CR2\")…");
            var psi = new ProcessStartInfo(rscript, [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(psi)!;
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"compare-r: Rscript failed ({process.ExitCode}): {stderr.Trim()}");
                return 1;
            }
            double rSeconds = double.Parse(stdout.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);

            var times = new List<double>();
            RegressionTable? table = null;
            for (int run = 0; run < 3; run++)
            {
                var sw = Stopwatch.StartNew();
                table = LinearModel.Ols(data.Y, data.Design).CR2(data.Clusters);
                times.Add(sw.Elapsed.TotalSeconds);
            }
            double maxEstimate = 0, maxSe = 0, maxDf = 0;
            var lines = File.ReadAllLines(output).Skip(1).ToArray();
            for (int j = 0; j < lines.Length; j++)
            {
                var parts = lines[j].Split(',');
                var e = table!.Estimates[j];
                maxEstimate = Math.Max(maxEstimate, Relative(Parse(parts[1]), e.Value));
                maxSe = Math.Max(maxSe, Relative(Parse(parts[2]), e.StandardError));
                maxDf = Math.Max(maxDf, Relative(Parse(parts[3]), e.DegreesOfFreedom));
            }
            bool agree = maxEstimate <= 1e-8 && maxSe <= 1e-8 && maxDf <= 1e-6;
            double ours = Median(times);
            Figures.Add(new Figure("cr2 at the R size: OLS + CR2 + BM df", $"{rRows:N0} rows × {coefficients} coefficients, {clusters} clusters", times, rRows, Machine.PeakWorkingSetMiB(),
                new Reference("R estimatr::lm_robust(CR2)", rSeconds, rRows)));
            Console.WriteLine($"compare-r: estimatr {rSeconds:F2} s vs ImpactEval {ours:F3} s (fit + CR2, median of 3) on {rRows:N0} rows: " +
                              $"{rSeconds / ours:F0}× faster");
            Console.WriteLine($"compare-r: max relative difference: estimates {maxEstimate:E1}, SEs {maxSe:E1}, df {maxDf:E1} → " +
                              (agree ? "agree (1e-8 / 1e-6)" : "DISAGREE"));
            return agree ? 0 : 1;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static double Relative(double expected, double actual) => Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected));

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }


    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
