using ImpactEval.Collection;
using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using ImpactEval.Reporting;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ImpactEval.Worker.Scheduling;
using Xunit;

namespace ImpactEval.Worker.Tests.Campaigns;

public class CampaignConsolidationsTests
{
    /// <summary>The national coordination's address (contacts of the protocol's own territory, NATIONAL).</summary>
    private static ContactDirectory Contacts() => new(Options.Create(new ContactOptions
    {
        Territories = { ["NATIONAL"] = new TerritoryContacts { Emails = ["coordination@cites-educatives.example"] } },
    }));

    // The 2024 revue de projet closes on 28 June. While it is open nothing is due; the day after, it is consolidated once:
    // HTML and workbook in the reports directory, recorded, audited, and the coordination told once. Running again on
    // the same answers (a retry, a second node, the next night) writes and sends nothing. A late answer accepted before
    // the lock changes the data: the next pass consolidates again, into a new directory.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task RunAsync_ClosedCampaignSameDataThenLateAnswer_OneSynthesisPerCampaignData(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await NationalDemoData.LoadAsync(store, cites: 40);
        await using var db = await store.OpenAsync();
        var consolidations = new CampaignConsolidations(db, Contacts(), Options.Create(new WorkerOptions()), Options.Create(store.Options), Options.Create(new ImpactEval.Reporting.Pdf.PdfOptions()), new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")), TimeProvider.System);
        var closed = RevueDeProjetCampaign.ClosesOn.AddDays(1);

        var whileOpen = await consolidations.DueAsync(RevueDeProjetCampaign.ClosesOn);
        var dueAfterClosing = await consolidations.DueAsync(closed);
        var first = await consolidations.RunAsync(NationalDemoData.CampaignCode, "worker:test");
        var dueAfterFirst = await consolidations.DueAsync(closed);
        var again = await consolidations.RunAsync(NationalDemoData.CampaignCode, "worker:test");
        var silent = demo.Cites.First(c => !c.Responded);
        var late = $"territoire;periode;MATURITE\n{silent.Code};{RevueDeProjetCampaign.Period};2\n";
        await using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(late)))
            Assert.True((await new AggregateValueImporter(db, NationalDemoData.ClockOn(closed.AddDays(3))).ImportAsync(demo.Protocol, stream, "retard.csv", new ImportOptions("tests"))).Accepted);
        var dueAfterLate = await consolidations.DueAsync(closed.AddDays(3));
        var afterLate = await consolidations.RunAsync(NationalDemoData.CampaignCode, "worker:test");

        Assert.Empty(whileOpen);
        Assert.Equal([NationalDemoData.CampaignCode], dueAfterClosing);
        Assert.True(first.Rendered, first.Summary);
        Assert.Equal([".html", ".xlsx"], first.Files.Select(Path.GetExtension));
        Assert.All(first.Files, f => Assert.True(new FileInfo(f).Length > 1000, f));
        Assert.StartsWith(Path.Combine(store.Options.DataDirectory, "reports", "campagnes", NationalDemoData.CampaignCode, "v1-"), first.Directory);
        Assert.Empty(first.Checks);
        Assert.Equal(1, first.Notified);
        Assert.Contains($"{demo.Cites.Count(c => c.Responded)} cité(s) ont répondu sur 40 interrogée(s)", first.Summary);
        Assert.Contains("Synthèse nationale — Revue de projet 2024", await File.ReadAllTextAsync(first.Files[0]));
        Assert.Empty(dueAfterFirst);
        Assert.False(again.Rendered);
        Assert.Equal(first.Key, again.Key);
        Assert.Contains("rien à refaire", again.Summary);
        Assert.Equal([NationalDemoData.CampaignCode], dueAfterLate);
        Assert.True(afterLate.Rendered);
        Assert.NotEqual(first.Directory, afterLate.Directory);
        Assert.Equal(2, await db.ReportRenders.CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == ReportExportService.AuditAction));
        var mails = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["coordination@cites-educatives.example", "coordination@cites-educatives.example"], mails.Select(m => m.Recipient));
        Assert.Equal("[ImpactEval] Synthèse nationale : Revue de projet 2024", mails[0].Subject);
        Assert.Contains("Contrôles de cohérence : tous les chiffres concordent.", mails[0].Body);
        Assert.Contains("effectifs de cités inférieurs à 5 sont masqués", mails[0].Body);
    }

    // A wave campaign (observations of a cohort) is not a national questionnaire: never due, and refused with a reason.
    [Fact]
    public async Task DueAsync_WaveCampaign_NeverConsolidated()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await DemoData.LoadAsync(store, families: 60);
        await using var db = await store.OpenAsync();
        var today = new DateOnly(2026, 6, 11);
        Assert.True((await new Collection.Campaigns.CampaignService(db).CreateAsync(new Collection.Campaigns.CampaignDefinition("passerelles-T2", "Vague T2", "passerelles", "T2", null,
            today.AddDays(-30), today.AddDays(-20), 5, [], []), "coordination", today.AddDays(-40))).Done);
        var consolidations = new CampaignConsolidations(db, Contacts(), Options.Create(new WorkerOptions()), Options.Create(store.Options), Options.Create(new ImpactEval.Reporting.Pdf.PdfOptions()), new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")), TimeProvider.System);

        var due = await consolidations.DueAsync(today);
        var run = await consolidations.RunAsync("passerelles-T2", "worker:test");

        Assert.Empty(due);
        Assert.False(run.Rendered);
        Assert.Contains("seules les campagnes de questionnaire (--period) se consolident", run.Summary);
    }
}
