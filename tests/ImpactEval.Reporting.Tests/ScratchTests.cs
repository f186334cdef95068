using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests;

public class ScratchTests
{
    [Fact]
    public async Task Scratch()
    {
        var renderer = new ReportRenderer(Demo.TemplatesDirectory);
        var dir = "/tmp/scratch-report";
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "full.html"), renderer.RenderHtml("rapport-cohorte", SampleReports.Full()));
        File.WriteAllText(Path.Combine(dir, "minimal.html"), renderer.RenderHtml("rapport-cohorte", SampleReports.Minimal()));
        File.WriteAllText(Path.Combine(dir, "fiche.html"), renderer.RenderHtml("fiche-territoire", SampleReports.Full()));
        File.WriteAllText(Path.Combine(dir, "nat.html"), renderer.RenderHtml("synthese-nationale", SampleReports.National()));
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, SampleReports.SampleTimestamp));
        File.WriteAllText(Path.Combine(dir, "demo.html"), renderer.RenderHtml("rapport-cohorte", model));
        File.WriteAllBytes(Path.Combine(dir, "demo.xlsx"), renderer.RenderXlsx(model));
        await renderer.RenderPdfAsync(File.ReadAllText(Path.Combine(dir, "demo.html")), Path.Combine(dir, "demo.pdf"));
    }
}
