using System.Globalization;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;

namespace ImpactEval.Benchmarks;

/// <summary>The small helpers the scenarios share: options of the form <c>--name value</c>, a scratch directory, imports.</summary>
public static class Arguments
{
    /// <summary>The value following <paramref name="name"/>, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The integer following <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Stops the scenario when a set-up or measured import was refused.</summary>
    public static void Check(ImportResult result)
    {
        if (!result.Accepted) throw new InvalidOperationException($"{result.File}: {string.Join("\n", result.Problems.Take(5))}");
    }

    /// <summary>
    /// Runs a scenario in a fresh directory under $IMPACTEVAL_BENCH_DATA (default: the temporary directory), deleted
    /// afterwards unless <c>--keep</c> is given.
    /// </summary>
    public static int InScratchDirectory(string[] args, Func<string, Task<int>> run)
    {
        var root = Path.Combine(Environment.GetEnvironmentVariable("IMPACTEVAL_BENCH_DATA") ?? Path.GetTempPath(), $"impacteval-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        try
        {
            return run(root).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!args.Contains("--keep")) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Imports a cohort's files through the user import path: the enrolment file first, then the observation files.</summary>
    public static async Task ImportCohortAsync(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, Core.Model.Protocol protocol, IReadOnlyList<string> files, ImportOptions options)
    {
        await using (var stream = File.OpenRead(files[0]))
            Check(await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(files[0]), options));
        foreach (var file in files.Skip(1))
        {
            await using var stream = File.OpenRead(file);
            Check(await new ObservationImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(file), options));
        }
    }
}
