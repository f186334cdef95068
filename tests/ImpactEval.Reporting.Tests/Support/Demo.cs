using ImpactEval.Data;
using ImpactEval.TestSupport;

namespace ImpactEval.Reporting.Tests.Support;

/// <summary>
/// The demo cohort (protocols/passerelles.yaml, 900 synthetic families imported into a real SQLite store and analysed),
/// loaded once per test process: several test classes render reports from it.
/// </summary>
public static class Demo
{
    private static readonly Lazy<Task<DemoData.Loaded>> Loaded = new(LoadAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The loaded demo.</summary>
    public static Task<DemoData.Loaded> GetAsync() => Loaded.Value;

    private static async Task<DemoData.Loaded> LoadAsync()
    {
        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return await DemoData.LoadAsync(store);
    }

    /// <summary>The shipped templates as copied next to the test assembly by the Reporting project (as next to the CLI binary).</summary>
    public static string TemplatesDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>A fresh temporary directory.</summary>
    public static string TempDirectory(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "impacteval-reporting-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
