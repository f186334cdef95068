using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>A running worker consolidates a national campaign when its calendar pass finds it closed.</summary>
[Collection(ProcessCollection.Name)]
public class ConsolidationTests(ITestOutputHelper output)
{
    // The revue de projet of 60 fictitious cités, still recorded as open although its dates are long past: the calendar
    // pass records it locked and requests its consolidation; the consolidation job writes the national synthesis once,
    // records its run in job_runs and queues one message to the coordination. A second calendar pass and an operator's
    // "trigger now" of the consolidation find nothing new: no second synthesis, no second message.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Lifecycle_NationalCampaignClosed_ConsolidatedOnceAndRecorded(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await NationalDemoData.LoadAsync(store, cites: 60);
        var settings = new Dictionary<string, string> { ["Contacts:Territories:NATIONAL:Emails:0"] = "coordination@cites-educatives.example" };
        await using var worker = WorkerProcess.Start("worker", store.Options, settings);
        await worker.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        using var http = worker.Http();

        (await http.PostAsync("api/jobs/campaigns/lifecycle/trigger", null)).EnsureSuccessStatusCode();
        var took = await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.JobName == "consolidation" && r.EndedAt != null),
            TimeSpan.FromSeconds(60), "the consolidation run", () => worker.Tail());
        output.WriteLine($"{provider}: synthesis of {demo.Cites.Length} cités recorded {took.TotalSeconds:0.0} s after the calendar pass was triggered");
        (await http.PostAsync("api/jobs/campaigns/lifecycle/trigger", null)).EnsureSuccessStatusCode();
        await Stores.EventuallyAsync(store, db => db.JobRuns.CountAsync(r => r.JobName == "lifecycle" && r.EndedAt != null).ContinueWith(t => t.Result == 2),
            TimeSpan.FromSeconds(30), "the second calendar pass", () => worker.Tail());
        (await http.PostAsync("api/jobs/campaigns/consolidation/trigger", null)).EnsureSuccessStatusCode();
        await Stores.EventuallyAsync(store, db => db.JobRuns.CountAsync(r => r.JobName == "consolidation" && r.EndedAt != null).ContinueWith(t => t.Result == 2),
            TimeSpan.FromSeconds(30), "the operator's consolidation run", () => worker.Tail());
        await Task.Delay(TimeSpan.FromSeconds(2)); // nothing else may follow

        await using var db = Stores.Open(store);
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.JobGroup == "campaigns").OrderBy(r => r.Id).ToListAsync();
        output.WriteLine(await Stores.DescribeRunsAsync(store));
        var consolidations = runs.Where(r => r.JobName == "consolidation").ToList();
        Assert.Equal([JobRunState.Succeeded, JobRunState.Skipped], consolidations.Select(r => r.Status));
        Assert.Equal("campaigns.consolidation.revue-2024", consolidations[0].Trigger);
        Assert.Contains("Synthèse nationale de « revue-2024 » produite", consolidations[0].Summary);
        Assert.Contains("\"campaigns\":\"revue-2024\"", consolidations[0].Inputs);
        Assert.Equal("Aucune campagne nationale close à consolider.", consolidations[1].Summary);
        var lifecycle = runs.Where(r => r.JobName == "lifecycle").ToList();
        Assert.Contains("Consolidation demandée : revue-2024.", lifecycle[0].Summary);
        Assert.DoesNotContain("Consolidation demandée", lifecycle[1].Summary);
        var render = Assert.Single(await db.ReportRenders.AsNoTracking().ToListAsync());
        Assert.Equal(["synthese-nationale.html", "synthese-nationale.xlsx"], render.Files.Split('\n').Select(Path.GetFileName));
        Assert.All(render.Files.Split('\n'), f => Assert.True(File.Exists(f), f));
        var mail = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "consolidation").ToListAsync());
        Assert.Equal("coordination@cites-educatives.example", mail.Recipient);
        Assert.Equal("locked", (await db.Campaigns.SingleAsync()).State);
    }
}
