using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Tests.Support;

/// <summary>Stores prepared for worker tests, and polling helpers.</summary>
public static class Stores
{
    /// <summary>Registers copies of the demo protocol under the given codes (no data).</summary>
    public static async Task RegisterProtocolsAsync(TestStore store, params string[] codes)
    {
        var text = await File.ReadAllTextAsync(DemoData.ProtocolPath());
        await using var db = await store.OpenAsync();
        foreach (var code in codes)
        {
            var copy = text.Replace("id: passerelles", $"id: {code}", StringComparison.Ordinal);
            var outcome = await new ProtocolRegistry(db).RegisterAsync(ProtocolLoader.Load(copy, $"{code}.yaml"), $"{code}.yaml", "tests");
            if (outcome.Status != RegistrationStatus.Created) throw new InvalidOperationException($"{code}: {outcome.Status}");
        }
    }

    /// <summary>Polls <paramref name="condition"/> on a fresh context until it holds; returns how long it took.</summary>
    public static async Task<TimeSpan> EventuallyAsync(TestStore store, Func<ImpactEvalDbContext, Task<bool>> condition, TimeSpan timeout, string what, Func<string>? diagnostics = null)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            await using (var db = Store.Open(store.Options))
                if (await condition(db)) return DateTime.UtcNow - started;
            if (DateTime.UtcNow - started > timeout)
                throw new TimeoutException($"Not within {timeout}: {what}\n{diagnostics?.Invoke()}");
            await Task.Delay(150);
        }
    }

    /// <summary>A fresh context on the store (schema already there).</summary>
    public static ImpactEvalDbContext Open(TestStore store) => Store.Open(store.Options);

    /// <summary>Every job run, oldest first, for assertion messages.</summary>
    public static async Task<string> DescribeRunsAsync(TestStore store)
    {
        await using var db = Open(store);
        var runs = await db.JobRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        return string.Join('\n', runs.Select(r => $"{r.Id} {r.JobGroup}.{r.JobName} {r.Trigger} {r.Node} sched={r.ScheduledAt:HH:mm:ss.fff} {r.Status} a{r.Attempt} rec={r.Recovering} {r.Summary} {r.Error}"));
    }
}
