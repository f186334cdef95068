using ImpactEval.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/ImpactEval.Benchmarks -- <scenario> [options] | all
// Each scenario prints the data size, its figures (median time, rows/s, peak memory, ratio to the reference measured in
// the same run) and the machine; `all` runs the national-scale scenarios one after the other and prints one table.
var scenarios = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["cr2"] = Cr2Scenario.Run,
    ["csv"] = CsvScenario.Run,
    ["dataset"] = DatasetScenario.Run,
    ["import"] = ImportScenario.Run,
    ["reports"] = ReportsScenario.Run,
    ["workers"] = WorkersScenario.Run,
    ["web"] = WebScenario.Run,
    ["workbooks"] = WorkbooksScenario.Run,
};

// `all`: the national-scale figures, each with its reference (the other scenarios have long set-ups: run them alone).
string[][] all =
[
    ["import", "--provider", "sqlite"],
    ["import", "--provider", "postgresql"],
    ["cr2", "--compare-numpy", "--compare-r"],
    ["csv"],
];

if (args.Length == 0 || !(scenarios.ContainsKey(args[0]) || args[0].Equals("all", StringComparison.OrdinalIgnoreCase)))
{
    Console.Error.WriteLine($"scenarios: all, {string.Join(", ", scenarios.Keys)}");
    return 2;
}
Console.WriteLine($"machine: {Machine.Describe()}; load average at the start: {Machine.LoadAverage()}");
var code = 0;
foreach (var run in args[0].Equals("all", StringComparison.OrdinalIgnoreCase) ? all.Select(a => a.Concat(args[1..]).ToArray()) : [args])
{
    Console.WriteLine($"== {string.Join(' ', run)}");
    code = Math.Max(code, scenarios[run[0]](run[1..]));
}
Figures.PrintSummary();
return code;
