using System.Globalization;

namespace ImpactEval.Benchmarks;

/// <summary>One measured figure of a scenario: what was measured, on how much data, its times and peak memory, and its reference.</summary>
/// <param name="Scenario">Scenario and case, e.g. "import sqlite: first import".</param>
/// <param name="Data">Data size in words (rows, columns, file size).</param>
/// <param name="Seconds">Wall-clock time of every run.</param>
/// <param name="Rows">Rows processed by one run (for rows/s).</param>
/// <param name="PeakMiB">Peak working set during the measured runs, in MiB.</param>
/// <param name="Reference">The reference measured in the same run, or null (tool absent, or none for this figure).</param>
public sealed record Figure(string Scenario, string Data, IReadOnlyList<double> Seconds, long Rows, double PeakMiB, Reference? Reference = null)
{
    /// <summary>Median of <see cref="Seconds"/>.</summary>
    public double Median => Figures.Median(Seconds);
}

/// <summary>A reference tool's time on the same data, measured in the same run.</summary>
/// <param name="Tool">What ran (e.g. "sqlite3 .import").</param>
/// <param name="Seconds">Its median wall-clock time.</param>
/// <param name="Rows">Rows it processed (may differ from the figure's, e.g. estimatr at 1e5 rows).</param>
public sealed record Reference(string Tool, double Seconds, long Rows);

/// <summary>
/// The figures of the scenarios run by this process, printed at the end as one table (markdown, so the README quotes it
/// as printed). The ratio is the speed of ImpactEval over the reference's, in rows per second: above 1, ImpactEval is faster.
/// </summary>
public static class Figures
{
    private static readonly List<Figure> All = [];

    /// <summary>Records a figure and prints it at once.</summary>
    public static void Add(Figure figure)
    {
        All.Add(figure);
        Console.WriteLine($"figure: {Line(figure)}");
    }

    /// <summary>Prints every recorded figure as a markdown table, with the machine and the load at the end of the run.</summary>
    public static void PrintSummary()
    {
        if (All.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"machine: {Machine.Describe()}; load average at the end: {Machine.LoadAverage()}");
        Console.WriteLine("| scenario | data | median time | rows/s | peak memory | reference (same run) | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var figure in All) Console.WriteLine($"| {Line(figure)} |");
    }

    private static string Line(Figure f)
    {
        var reference = f.Reference is { } r
            ? Invariant($"{r.Tool}: {r.Seconds:F3} s for {r.Rows:N0} rows = {r.Rows / r.Seconds:N0} rows/s")
            : "—";
        var ratio = f.Reference is { } rr ? Invariant($"{f.Rows / f.Median / (rr.Rows / rr.Seconds):F2}×") : "—";
        return Invariant($"{f.Scenario} | {f.Data} | {f.Median:F3} s (median of {f.Seconds.Count}) | {f.Rows / f.Median:N0} | {f.PeakMiB:F0} MiB | {reference} | {ratio}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Median of a non-empty list.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
