using ImpactEval.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/ImpactEval.Benchmarks -- <scenario> [options]
// Each scenario prints the data size, the figures and the machine.
var scenarios = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["cr2"] = Cr2Scenario.Run,
    ["dataset"] = DatasetScenario.Run,
    ["import"] = ImportScenario.Run,
    ["reports"] = ReportsScenario.Run,
    ["workers"] = WorkersScenario.Run,
    ["web"] = WebScenario.Run,
    ["workbooks"] = WorkbooksScenario.Run,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"scenarios: {string.Join(", ", scenarios.Keys)}");
    return 2;
}
Console.WriteLine($"machine: {Machine.Describe()}");
return run(args[1..]);
