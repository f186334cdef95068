using ImpactEval.Collection;
using System.Collections.Immutable;
using System.Globalization;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Scheduling;
using ImpactEval.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Worker.Tests.Processes;

/// <summary>Campaign reminders delivered by a running worker to a real SMTP server (the local sink).</summary>
[Collection(ProcessCollection.Name)]
public class CampaignReminderTests(ITestOutputHelper output)
{
    // The T2 campaign of the demo cité closes tomorrow and several schools have not sent everything: each of them
    // receives, at its own address, one French reminder saying how many entries are missing; the CPO, whose schools
    // all have addresses, receives none; asking for the reminders again sends nothing more.
    [Fact]
    public async Task Reminders_CampaignClosesTomorrow_EachOwingSchoolReceivesOneFrenchEmail()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await DemoData.LoadAsync(store, families: 60);
        var today = new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Today;
        List<DataOwed> owing;
        await using (var db = await store.OpenAsync())
        {
            var created = await new CampaignService(db).CreateAsync(new CampaignDefinition("passerelles-T2", "Vague T2 — fin de petite section", "passerelles", "T2", null,
                today.AddDays(-20), today.AddDays(1), 10, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty), "coordination", today);
            Assert.True(created.Done, created.Message);
            owing = [.. (await new CampaignService(db).OwingAsync(today)).Where(o => o.Cluster is not null)];
        }
        await using var smtp = new SmtpSink();
        var settings = new Dictionary<string, string>
        {
            ["Notifications:SmtpHost"] = "127.0.0.1",
            ["Notifications:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:From"] = "impacteval@valbrune.example",
            ["Notifications:DeliveryInterval"] = "00:00:01",
            ["Contacts:Territories:CE-999-01:HolidayZone"] = "C",
            ["Contacts:Territories:CE-999-01:Emails:0"] = "cpo@valbrune.example",
        };
        for (var i = 1; i <= 8; i++) settings[$"Contacts:Territories:CE-999-01:Schools:E{i:00}:0"] = $"direction.e{i:00}@ecole.example";
        await using var worker = WorkerProcess.Start("worker", store.Options, settings);
        await worker.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        // The morning trigger skips weekends and zone C holidays; the test asks for the round now, as an operator would.
        using var http = worker.Http();
        (await http.PostAsync("api/jobs/campaigns/reminders-zone-c/trigger", null)).EnsureSuccessStatusCode();
        var mails = await smtp.WaitForAsync(owing.Count, TimeSpan.FromSeconds(30));
        (await http.PostAsync("api/jobs/campaigns/reminders-zone-c/trigger", null)).EnsureSuccessStatusCode();
        await Stores.EventuallyAsync(store, db => db.JobRuns.CountAsync(r => r.JobName == "reminders-zone-c" && r.EndedAt != null).ContinueWith(t => t.Result == 2),
            TimeSpan.FromSeconds(20), "the second round", () => worker.Tail());
        await Task.Delay(TimeSpan.FromSeconds(2)); // a delivery interval: nothing more may arrive
        output.WriteLine($"{owing.Count} schools owe data; {smtp.Messages.Count} e-mails received: {string.Join(", ", smtp.Messages.SelectMany(m => m.Recipients))}");

        Assert.Equal(owing.Count, smtp.Messages.Count);
        Assert.Equal(owing.Select(o => $"direction.{o.Cluster!.ToLowerInvariant()}@ecole.example").Order(), mails.SelectMany(m => m.Recipients).Order());
        foreach (var owed in owing)
        {
            var mail = mails.Single(m => m.Recipients.Contains($"direction.{owed.Cluster!.ToLowerInvariant()}@ecole.example"));
            Assert.Equal("[ImpactEval] Rappel : la campagne « Vague T2 — fin de petite section » se clôt demain", mail.Subject);
            Assert.Contains($"Il manque encore {owed.Missing} saisie(s) sur {owed.Expected} attendue(s) pour l'école {owed.Cluster} (CE-999-01).", mail.Body);
            Assert.Equal("impacteval@valbrune.example", mail.From);
        }
        await using var check = Stores.Open(store);
        var rounds = await check.JobRuns.AsNoTracking().Where(r => r.JobName == "reminders-zone-c").OrderBy(r => r.Id).ToListAsync();
        Assert.Contains($"{owing.Count} courriel(s) mis en file", rounds[0].Summary);
        Assert.Contains("0 courriel(s) mis en file", rounds[1].Summary);
    }
}
