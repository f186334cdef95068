using System.Globalization;
using System.Text.Json;
using ImpactEval.Analysis;
using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.Reporting.Dataset;
using Microsoft.EntityFrameworkCore;
using Parquet;
using Xunit;
using Xunit.Abstractions;
using ImpactEval.TestSupport;

namespace ImpactEval.Cli.Tests;

/// <summary>The evaluator's workbench on the demo store: full-precision estimates, the analysis dataset and its R check.</summary>
[Collection(DemoCollection.Name)]
public class WorkbenchCommandTests(DemoRun demo, ITestOutputHelper output)
{
    private async Task<AnalysisResults> StoredAsync()
    {
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory });
        return (await new EstimateService(db).LatestAsync("passerelles"))!;
    }

    private static double Parse(string field) => field switch
    {
        "NA" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Splits one CSV line (RFC 4180 quoting).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    // The evaluator pipes the estimates into R: every double of the CSV parses back to the stored one, bit for bit.
    [Fact]
    public async Task Estimate_CsvFormat_RoundTripsEveryDouble()
    {
        var file = Path.Combine(demo.Cli.WorkingDirectory, "estimations.csv");
        var run = await demo.Cli.RunAsync("estimate", "--protocol", "passerelles", "--format", "csv", "--out", file);
        Assert.True(run.ExitCode == 0, run.Output);

        var lines = (await File.ReadAllLinesAsync(file)).ToList();
        Assert.Equal(string.Join(',', TidyRow.Columns), lines[0]);
        var expected = TidyResults.From(await StoredAsync()).Rows;
        Assert.Equal(expected.Length, lines.Count - 1);
        var compared = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var f = Fields(lines[i + 1]);
            var e = expected[i];
            Assert.Equal((e.Analysis, e.Outcome, e.Contrast, e.Term, e.Method, e.Variance), (f[0], f[1], f[2], f[3], f[12], f[13]));
            double[] values = [e.Estimate, e.StdError, e.Statistic, e.Df, e.PValue, e.PAdjusted ?? double.NaN, e.ConfLow, e.ConfHigh];
            for (var k = 0; k < values.Length; k++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(values[k]), BitConverter.DoubleToInt64Bits(Parse(f[4 + k])));
                compared++;
            }
            Assert.Equal(e.N, int.Parse(f[14], CultureInfo.InvariantCulture));
        }
        Assert.Contains(expected, r => r.Term.Contains('|')); // the ordered logits' thresholds are there
        output.WriteLine($"{compared} doubles compared bit for bit");
    }

    // The same in JSON, with the format and engine versions.
    [Fact]
    public async Task Estimate_JsonFormat_FullPrecisionWithVersions()
    {
        var run = await demo.Cli.RunAsync("estimate", "--protocol", "passerelles", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.Output[run.Output.IndexOf('{')..run.Output.LastIndexOf('}')];
        var root = JsonDocument.Parse(json + "}").RootElement;
        Assert.Equal(TidyResults.CurrentFormat, root.GetProperty("format_version").GetInt32());
        Assert.Equal(AnalysisEngine.Version, root.GetProperty("engine_version").GetInt32());
        var expected = TidyResults.From(await StoredAsync()).Rows;
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++) Assert.Equal(expected[i].Estimate, rows[i].GetProperty("estimate").GetDouble());
    }

    // The acceptance test of the workbench: the demo's dataset, exported in CSV, and reproduire.R recompute every estimate
    // of the protocol in R (estimatr, clubSandwich, ordinal + sandwich, nnet) within 1e-8, 1e-6 for iterative fits.
    [RscriptFact]
    public async Task DatasetExport_ReproduireR_EveryDemoEstimateEqualInR()
    {
        var directory = Path.Combine(demo.Cli.WorkingDirectory, "jeu-csv");
        var export = await demo.Cli.RunAsync("dataset", "export", "--protocol", "passerelles", "--out", directory);
        Assert.True(export.ExitCode == 0, export.Output);

        var (exitCode, text) = await Rscript.RunAsync(Path.Combine(directory, ReproductionScript.FileName), directory);
        output.WriteLine(text[Math.Max(0, text.Length - 400)..]);
        Assert.True(exitCode == 0, text);

        var comparison = (await File.ReadAllLinesAsync(Path.Combine(directory, ReproductionScript.ComparisonFileName))).Skip(1).Select(Fields).ToList();
        var results = await StoredAsync();
        var estimated = results.Analyses.SelectMany(a => a.Contrasts.Where(c => c.Effect is { IsEstimable: true }).Select(c => (a.Code, c.Indicator, $"{c.Focal} vs {c.Comparison}"))).ToHashSet();
        var compared = comparison.Where(f => f[3] == "\"effet\"" || f[3] == "effet").Select(f => (f[0], f[1], f[2])).ToHashSet();
        Assert.Equal(estimated.Count, compared.Count);
        Assert.All(comparison, f => Assert.Equal("TRUE", f[9]));
        Assert.Contains(comparison, f => f[3].StartsWith("seuil:", StringComparison.Ordinal)); // thresholds compared too
        Assert.Contains(comparison, f => f[4] == "p_adjusted");
    }

    // The dataset in the other formats: Parquet for arrow and pandas (typed columns, nulls), a workbook with its codebook;
    // every export is audited.
    [Fact]
    public async Task DatasetExport_ParquetAndXlsx_SameRowsAsCsvAndAudited()
    {
        var csv = Path.Combine(demo.Cli.WorkingDirectory, "jeu-ref");
        var parquet = Path.Combine(demo.Cli.WorkingDirectory, "jeu-parquet");
        var xlsx = Path.Combine(demo.Cli.WorkingDirectory, "jeu-xlsx");
        foreach (var (format, directory) in new[] { ("csv", csv), ("parquet", parquet), ("xlsx", xlsx) })
        {
            var run = await demo.Cli.RunAsync("dataset", "export", "--protocol", "passerelles", "--format", format, "--out", directory);
            Assert.True(run.ExitCode == 0, run.Output);
        }
        var lines = await File.ReadAllLinesAsync(Path.Combine(csv, "donnees.csv"));
        var header = Fields(lines[0]);
        Assert.Equal(901, lines.Length);

        await using var stream = File.OpenRead(Path.Combine(parquet, "donnees.parquet"));
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(header, reader.Schema.DataFields.Select(f => f.Name));
        var group = reader.OpenRowGroupReader(0);
        Assert.Equal(900, group.RowCount);
        var assiduite = reader.Schema.DataFields.Single(f => f.Name == "ASSIDUITE.T2");
        var values = new double?[900];
        await group.ReadAsync<double>(assiduite, values.AsMemory());
        var column = header.IndexOf("ASSIDUITE.T2");
        for (var i = 0; i < 900; i++)
        {
            var text = Fields(lines[i + 1])[column];
            Assert.Equal(text == "NA" ? null : Parse(text), values[i]);
        }
        Assert.True(File.Exists(Path.Combine(parquet, "dictionnaire.csv")));
        Assert.True(File.Exists(Path.Combine(xlsx, "donnees.xlsx")));

        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = demo.Cli.DataDirectory });
        var audits = await db.AuditEntries.Where(a => a.Action == DatasetExportService.AuditAction).ToListAsync();
        Assert.True(audits.Count >= 3);
        Assert.All(audits, a => Assert.Contains("pseudonymes", a.Details));
    }
}
