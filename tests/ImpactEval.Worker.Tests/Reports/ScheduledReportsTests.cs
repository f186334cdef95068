using ImpactEval.Collection;
using ImpactEval.Collection.Observations;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Reports;
using ImpactEval.Worker.Tests.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ImpactEval.Worker.Scheduling;
using Xunit;

namespace ImpactEval.Worker.Tests.Reports;

public class ScheduledReportsTests
{
    // Monday's report of the demo cité: rendered once and announced to the CPO; next Monday, with no new data, nothing
    // is rendered or sent again; a run that died after writing the files but before recording them renders into the
    // same directory and is recorded once, without a second e-mail; once a value is corrected, a new report follows.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task RenderAsync_SameInputsTwiceCrashAndNewData_OneReportPerInputs(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await DemoData.LoadAsync(store, families: 60);
        await using var db = await store.OpenAsync();
        var reports = new ScheduledReports(db, CampaignJobsTests.Contacts(), Options.Create(new WorkerOptions()), Options.Create(store.Options), Options.Create(new ImpactEval.Reporting.Pdf.PdfOptions()), new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")), TimeProvider.System);

        var first = await reports.RenderAsync("passerelles", "worker:test");
        var second = await reports.RenderAsync("passerelles", "worker:test");
        await db.ReportRenders.ExecuteDeleteAsync(); // the crash: files written, record lost
        var recovered = await reports.RenderAsync("passerelles", "worker:test");
        var family = demo.Cohort.Participants.First(p => p.Waves.ContainsKey("T1"));
        var pseudonymiser = new Pseudonymiser(PseudonymKey.LoadOrCreate(Path.Combine(store.Options.DataDirectory, "pseudonymisation.key")));
        Assert.True((await new ObservationService(db, pseudonymiser).CorrectAsync("passerelles", family.Identifier, "T1", "ASSIDUITE", "12", null, "erreur de saisie", "tests")).Done);
        var afterCorrection = await reports.RenderAsync("passerelles", "worker:test");

        Assert.True(first.Rendered);
        Assert.Equal([".html", ".xlsx"], first.Files.Select(Path.GetExtension));
        Assert.All(first.Files, f => Assert.True(new FileInfo(f).Length > 1000, f));
        Assert.StartsWith(Path.Combine(store.Options.DataDirectory, "reports", "passerelles", "v1-"), first.Directory);
        Assert.Equal(1, first.Notified);
        Assert.False(second.Rendered);
        Assert.Equal(first.Key, second.Key);
        Assert.Contains("rien à refaire", second.Summary);
        Assert.True(recovered.Rendered);
        Assert.Equal(first.Directory, recovered.Directory);
        Assert.Equal(0, recovered.Notified);
        Assert.True(afterCorrection.Rendered);
        Assert.NotEqual(first.Key, afterCorrection.Key);
        Assert.Equal(2, await db.ReportRenders.CountAsync());
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(store.Options.DataDirectory, "reports", "passerelles")).Length);
        var mails = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["cpo@valbrune.example", "cpo@valbrune.example"], mails.Select(m => m.Recipient));
        Assert.StartsWith("[ImpactEval] Nouveau rapport : PasserelleS", mails[0].Subject);
        Assert.Contains("effectifs inférieurs à 5 masqués", mails[0].Body);
    }

    // Pdf:Timeout reaches the worker's reports (they used Chromium's one-minute default whatever was configured): with a
    // 1 ms limit Chromium is stopped, the PDF is reported as not produced, and the HTML is still written.
    [Fact]
    public async Task RenderAsync_ConfiguredPdfTimeout_AppliesToScheduledReports()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await DemoData.LoadAsync(store, families: 30);
        await using var db = await store.OpenAsync();
        var worker = new WorkerOptions { ReportFormats = [ImpactEval.Reporting.ReportFormat.Html, ImpactEval.Reporting.ReportFormat.Pdf] };
        var pdf = new ImpactEval.Reporting.Pdf.PdfOptions { Timeout = TimeSpan.FromMilliseconds(1) };
        var reports = new ScheduledReports(db, CampaignJobsTests.Contacts(), Options.Create(worker), Options.Create(store.Options), Options.Create(pdf), new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")), TimeProvider.System);

        var round = await reports.RenderAsync("passerelles", "worker:test");

        Assert.True(round.Rendered);
        Assert.Equal([".html"], round.Files.Select(Path.GetExtension));
        Assert.Contains(round.Messages, m => m.Contains("délai imparti"));
    }
}
