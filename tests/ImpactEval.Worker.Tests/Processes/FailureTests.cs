using System.Net.Http.Json;
using System.Text.Json;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>Failing jobs: retries with back-off, then a recorded failure, an e-mail to the operators and a pause.</summary>
[Collection(ProcessCollection.Name)]
public class FailureTests(ITestOutputHelper output)
{
    private const string Broken = "id: [ce fichier n'est plus lisible";

    // A protocol's stored text can no longer be read (here: damaged by hand in the database). Its nightly
    // recomputation fails; the worker retries twice with a growing wait, then records the failure with its error,
    // e-mails both operators in French, and pauses the recurring job instead of failing again every night.
    [Fact]
    public async Task RecurringRecomputation_KeepsFailing_RetriedThenFailedNotifiedAndPaused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Stores.RegisterProtocolsAsync(store, "cite-cassee");
        await SetSourceAsync(store, "cite-cassee", Broken);
        await using var smtp = new SmtpSink();
        await using var worker = WorkerProcess.Start("worker", store.Options, new Dictionary<string, string>
        {
            ["Worker:NightlyRecomputeCron"] = "0/15 * * * * ?", // the retries (about 5 s) end before the next occurrence
            ["Worker:RetryAttempts"] = "2",
            ["Worker:RetryInitialDelay"] = "00:00:01",
            ["Worker:RetryMaxDelay"] = "00:00:02",
            ["Notifications:Operators:0"] = "exploitation@anct.example",
            ["Notifications:Operators:1"] = "cpo@valbrune.example",
            ["Notifications:SmtpHost"] = "127.0.0.1",
            ["Notifications:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:From"] = "impacteval@valbrune.example",
            ["Notifications:DeliveryInterval"] = "00:00:01",
        });
        await worker.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.JobGroup == "recompute" && r.Status == JobRunState.Failed),
            TimeSpan.FromSeconds(40), "the final failure", () => worker.Tail());
        var mails = await smtp.WaitForAsync(2, TimeSpan.FromSeconds(20));

        await using var db = Stores.Open(store);
        var failed = await db.JobRuns.AsNoTracking().FirstAsync(r => r.JobGroup == "recompute" && r.Status == JobRunState.Failed);
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.FireInstanceId == failed.FireInstanceId).OrderBy(r => r.Id).ToListAsync();
        output.WriteLine(string.Join('\n', runs.Select(r => $"attempt {r.Attempt} {r.Status} at {r.StartedAt:HH:mm:ss.fff}: {r.Error}")));
        Assert.Equal([JobRunState.Retrying, JobRunState.Retrying, JobRunState.Failed], runs.Select(r => r.Status));
        Assert.Equal([0, 1, 2], runs.Select(r => r.Attempt));
        Assert.All(runs, r => Assert.StartsWith("The stored version 1 of protocol cite-cassee no longer loads", r.Error));
        // Back-off: 1 s, then 2 s (retries are delayed jobs, enqueued by a scheduler polling every second; measured between starts).
        Assert.InRange((runs[1].StartedAt - runs[0].StartedAt).TotalSeconds, 0.9, 3.5);
        Assert.InRange((runs[2].StartedAt - runs[1].StartedAt).TotalSeconds, 1.9, 4.5);

        Assert.Equal(["cpo@valbrune.example", "exploitation@anct.example"], mails.SelectMany(m => m.Recipients).Order());
        foreach (var mail in mails)
        {
            Assert.Equal("[ImpactEval] Échec de la tâche « Recalcul des estimations du protocole « cite-cassee » »", mail.Subject);
            Assert.Contains("a échoué après 3 tentative(s). Elle ne sera pas relancée automatiquement.", mail.Body);
            Assert.Contains("no longer loads", mail.Body);
            Assert.Equal("impacteval@valbrune.example", mail.From);
        }

        using var http = worker.Http();
        var jobs = await http.GetFromJsonAsync<JsonElement>("api/jobs");
        var nightly = jobs.EnumerateArray().Single(j => j.GetProperty("key").GetString() == "recompute.cite-cassee")
            .GetProperty("triggers").EnumerateArray().Single(t => t.GetProperty("key").GetString()!.EndsWith(".nightly"));
        Assert.Equal("Paused", nightly.GetProperty("state").GetString());
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.SentAt != null));

        // Once the cause is fixed, the operator resumes the job (impacteval jobs resume recompute.cite-cassee).
        using var resumed = await http.PostAsync("api/jobs/recompute/cite-cassee/resume", null);
        resumed.EnsureSuccessStatusCode();
        var state = (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("triggers").EnumerateArray()
            .Single(t => t.GetProperty("key").GetString()!.EndsWith(".nightly")).GetProperty("state").GetString();
        Assert.Equal("Normal", state);
    }

    // A recomputation meets a passing problem (here the protocol text is repaired between two attempts): the retry
    // succeeds, the history shows both attempts, and nobody is disturbed by an e-mail.
    [Fact]
    public async Task Recomputation_FailsOnceThenSucceeds_RetryRecordedAndNoNotification()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await DemoData.LoadAsync(store, families: 60);
        var good = await SetSourceAsync(store, "passerelles", Broken);
        await using var worker = WorkerProcess.Start("worker", store.Options, new Dictionary<string, string>
        {
            ["Worker:RecomputeQuietPeriod"] = "00:01:00", // the demo's imports are not what this test is about
            ["Worker:RetryAttempts"] = "3",
            ["Worker:RetryInitialDelay"] = "00:00:02",
            ["Notifications:Operators:0"] = "exploitation@anct.example",
        });
        await worker.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        using var http = worker.Http();
        JsonElement triggered = default;
        for (var attempt = 0; attempt < 50 && triggered.ValueKind == JsonValueKind.Undefined; attempt++)
        {
            using var response = await http.PostAsync("api/jobs/recompute/passerelles/trigger", null);
            if (response.IsSuccessStatusCode) triggered = await response.Content.ReadFromJsonAsync<JsonElement>();
            else await Task.Delay(200); // the schedule synchronisation has not created the job yet
        }
        Assert.Equal("recompute.passerelles", triggered.GetProperty("job").GetString());

        await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.Status == JobRunState.Retrying), TimeSpan.FromSeconds(20), "a failed first attempt", () => worker.Tail());
        await SetSourceAsync(store, "passerelles", good);
        await Stores.EventuallyAsync(store, db => db.JobRuns.AnyAsync(r => r.Status == JobRunState.Succeeded && r.JobGroup == "recompute"), TimeSpan.FromSeconds(20), "the successful retry", () => worker.Tail());

        await using var db = Stores.Open(store);
        var manual = triggered.GetProperty("trigger").GetString();
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Trigger == manual).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(0, JobRunState.Retrying), (1, JobRunState.Succeeded)], runs.Select(r => (r.Attempt, r.Status)));
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
        Assert.Equal(1, await db.EstimateRuns.CountAsync());
    }

    /// <summary>Replaces the stored text of a protocol's current version; returns the previous text.</summary>
    private static async Task<string> SetSourceAsync(TestStore store, string code, string text)
    {
        await using var db = Stores.Open(store);
        var version = await db.ProtocolVersions.SingleAsync(v => db.Protocols.Any(p => p.Id == v.ProtocolId && p.Code == code));
        var previous = version.SourceText;
        version.SourceText = text;
        await db.SaveChangesAsync();
        return previous;
    }
}
