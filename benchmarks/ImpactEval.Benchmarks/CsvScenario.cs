using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImpactEval.Collection.Import;
using Sylvan.Data.Csv;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// <c>csv [--rows N] [--runs R]</c>: reads the import scenario's observation CSV (default 1,000,000 rows) into one
/// string per cell, with the hand-written tokenizer (<see cref="CsvTokenizer"/>, alone and through
/// <see cref="TabularSource"/> with the strict reader contract: encoding checks, widths, stray carriage returns) and with
/// Sylvan.Data.Csv 1.4.4 (strings, then spans without allocation), and prints each median with rows/s; the tokenizer is
/// compared with Sylvan's strings, the same work.
/// </summary>
public static class CsvScenario
{
    /// <summary>Runs the scenario.</summary>
    public static int Run(string[] args)
    {
        var rows = IntOption(args, "--rows", 1_000_000);
        var runs = IntOption(args, "--runs", 5);
        var dir = Directory.CreateTempSubdirectory("impacteval-csv-");
        try
        {
            var file = Path.Combine(dir.FullName, "observations.csv");
            ImportScenario.WriteObservations(file, rows / 10, corrected: false);
            var bytes = File.ReadAllBytes(file);
            var data = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows × 5 cells, CSV {bytes.Length / 1e6:F1} MB in memory");
            Console.WriteLine($"data: {data}");

            var sylvanStrings = Measure(runs, () => Sylvan(bytes, spans: false));
            var sylvanSpans = Measure(runs, () => Sylvan(bytes, spans: true));
            var tokenizer = Measure(runs, () => Tokenizer(bytes));
            var source = Measure(runs, () => Source(bytes));
            var reference = new Reference("Sylvan.Data.Csv 1.4.4, GetString per cell", Figures.Median(sylvanStrings.Seconds), rows);
            Figures.Add(new Figure("csv: hand-written tokenizer, string per cell", data, tokenizer.Seconds, rows, tokenizer.PeakMiB, reference));
            Figures.Add(new Figure("csv: TabularSource (tokenizer + strict contract)", data, source.Seconds, rows, source.PeakMiB, reference));
            Figures.Add(new Figure("csv: Sylvan.Data.Csv, spans (no string)", data, sylvanSpans.Seconds, rows, sylvanSpans.PeakMiB));
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (List<double> Seconds, double PeakMiB) Measure(int runs, Func<long> read)
    {
        var seconds = new List<double>();
        Machine.ResetPeakWorkingSet();
        long check = -1;
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var count = read();
            seconds.Add(watch.Elapsed.TotalSeconds);
            if (check >= 0 && check != count) throw new InvalidOperationException("Runs disagree.");
            check = count;
        }
        return (seconds, Machine.PeakWorkingSetMiB());
    }

    private static long Tokenizer(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var tokenizer = new CsvTokenizer(reader, ';');
        long cells = 0;
        while (tokenizer.Read(out var record)) cells += record.Length;
        return cells;
    }

    private static long Source(byte[] bytes)
    {
        var problems = new List<ImportProblem>();
        long cells = 0;
        foreach (var row in TabularSource.Open(new MemoryStream(bytes), "observations.csv", problems, out var headers)) cells += row.Cells.Length;
        if (problems.Count > 0) throw new InvalidOperationException(problems[0].ToString());
        return cells + 5;
    }

    private static long Sylvan(byte[] bytes, bool spans)
    {
        using var text = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = ';', HasHeaders = false });
        long cells = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                if (spans) cells += csv.GetFieldSpan(i).Length >= 0 ? 1 : 0;
                else
                {
                    _ = csv.GetString(i);
                    cells++;
                }
            }
        }
        return cells;
    }
}
