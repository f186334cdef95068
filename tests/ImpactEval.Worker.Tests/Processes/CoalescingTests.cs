using System.Globalization;
using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>Imports arriving in bursts on a running worker (PostgreSQL).</summary>
[Collection(ProcessCollection.Name)]
public class CoalescingTests(ITestOutputHelper output)
{
    // At the end of a collection campaign the schools send their corrections one file at a time: 100 imports in a
    // few seconds must cause one recomputation, not 100.
    [Fact]
    public async Task DataChanged_HundredImportsInABurst_OneRecomputation()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        var demo = await DemoData.LoadAsync(store, families: 120);
        await using var worker = WorkerProcess.Start("worker", store.Options, new Dictionary<string, string>
        {
            ["Worker:RecomputeQuietPeriod"] = "00:00:02",
            ["Worker:DataChangePollInterval"] = "00:00:00.300",
        });
        await worker.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        // The demo's own imports are recomputed first.
        await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.JobGroup == "recompute" && r.Status == JobRunState.Succeeded),
            TimeSpan.FromSeconds(30), "the first recomputation", () => worker.Tail());
        long before;
        await using (var db = Stores.Open(store)) before = await db.JobRuns.MaxAsync(r => r.Id);

        var burst = DateTime.UtcNow;
        var participants = demo.Cohort.Participants.Where(p => p.Waves.ContainsKey("T1")).Take(100).ToList();
        var pseudonymiser = new Pseudonymiser(PseudonymKey.LoadOrCreate(Path.Combine(store.Options.DataDirectory, "pseudonymisation.key")));
        await using (var db = Stores.Open(store))
        {
            for (var i = 0; i < participants.Count; i++)
            {
                var csv = $"identifiant;vague;ASSIDUITE\n{participants[i].Identifier};T1;{(10 + i * 0.25).ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))}\n";
                var result = await new ObservationImporter(db, pseudonymiser).ImportAsync(demo.Protocol, new MemoryStream(Encoding.UTF8.GetBytes(csv)), $"correction-{i:000}.csv", new ImportOptions("tests"));
                Assert.True(result.Accepted && result.Written, string.Join("; ", result.Problems));
            }
        }
        var burstTook = DateTime.UtcNow - burst;

        await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.Id > before && r.JobGroup == "recompute" && r.Status == JobRunState.Succeeded),
            TimeSpan.FromSeconds(30), "the recomputation after the burst", () => worker.Tail());
        await Task.Delay(TimeSpan.FromSeconds(3)); // more than a quiet period: nothing else may come

        await using var check = Stores.Open(store);
        var after = await check.JobRuns.AsNoTracking().Where(r => r.Id > before && r.JobGroup == "recompute").ToListAsync();
        var lastImport = await check.Imports.MaxAsync(i => i.Id);
        var imports = await check.Imports.CountAsync(i => i.ImportedAt >= burst);
        output.WriteLine($"{imports} imports in {burstTook.TotalSeconds:0.0} s → {after.Count} recomputation(s); inputs {after.FirstOrDefault()?.Inputs}");

        Assert.Equal(100, imports);
        var run = Assert.Single(after);
        Assert.Equal(JobRunState.Succeeded, run.Status);
        Assert.Contains($"\"lastImport\":\"{lastImport}\"", run.Inputs);
        Assert.Equal(2, await check.EstimateRuns.CountAsync()); // the demo's, and the one after the burst
    }
}
