using ImpactEval.Data;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Reporting.Tests;

public class ReportExportServiceTests
{
    private static async Task<TestStore> RegisteredAsync()
    {
        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = await store.OpenAsync();
        await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath(), "tests");
        return store;
    }

    // A protocol registered before any family is enrolled: its report can already be exported (HTML here), and the
    // export is audited with the file written, the threshold and the protocol's territory.
    [Fact]
    public async Task ExportAsync_RegisteredProtocol_WritesAndAuditsFiles()
    {
        await using var store = await RegisteredAsync();
        var directory = Demo.TempDirectory("export");
        await using var db = await store.OpenAsync();

        var outcome = await new ReportExportService(db).ExportAsync(
            new ReportExport("passerelles", null, [ReportFormat.Html], directory, 11, Demo.TemplatesDirectory), "tests");

        Assert.Equal("rapport-cohorte", outcome.TemplateName); // the protocol's report.template
        var file = Assert.Single(outcome.Written.Files);
        Assert.True(File.Exists(file));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == ReportExportService.AuditAction);
        Assert.Equal("tests", audit.Actor);
        Assert.Contains(file, audit.Details);
        Assert.Contains("seuil 11", audit.Details);
        Assert.Equal((await db.Protocols.SingleAsync()).TerritoryId, audit.TerritoryId);
    }

    // A template with a mistake stops the export before anything is written: no file, no audit entry.
    [Fact]
    public async Task ExportAsync_BrokenTemplate_NothingWrittenNothingAudited()
    {
        await using var store = await RegisteredAsync();
        var directory = Demo.TempDirectory("export-casse");
        var template = Path.Combine(directory, "casse.liquid");
        await File.WriteAllTextAsync(template, "<h1>{{ Titel }}</h1>");
        var output = Path.Combine(directory, "sortie");
        await using var db = await store.OpenAsync();

        var error = await Assert.ThrowsAsync<TemplateException>(() => new ReportExportService(db).ExportAsync(
            new ReportExport("passerelles", template, [ReportFormat.Html, ReportFormat.Xlsx], output, TemplatesDirectory: Demo.TemplatesDirectory), "tests"));

        Assert.Equal(1, error.Problem.Line);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == ReportExportService.AuditAction));
    }
}
