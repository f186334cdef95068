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
/// coefficients and SEs agree to 1e-8 (df to 1e-6) and prints the speed ratio.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project benchmarks/ImpactEval.Benchmarks -- cr2 [--rows N]
/// [--clusters J] [--coefficients K] [--runs R] [--seed S] [--compare-r] [--r-rows N]</c>.
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
        Console.WriteLine($"fit (QR): median {Median(fitTimes):F3} s; CR2 + Bell-McCaffrey df: median {Median(cr2Times):F3} s; " +
                          $"total {Median(fitTimes) + Median(cr2Times):F3} s (median of {runs} runs)");
        Console.WriteLine($"treatment: estimate {treatment.Value:F5}, CR2 SE {treatment.StandardError:F5}, df {treatment.DegreesOfFreedom:F2}");
        Console.WriteLine($"peak working set: {Machine.PeakWorkingSetMiB():F0} MiB");

        if (compareR) return CompareWithR(rRows, clusters, coefficients, seed);
        return 0;
    }

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
