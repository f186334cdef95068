using System.Text.RegularExpressions;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Reporting.Tests;

/// <summary>
/// Issue 12, item 1: a synthesis a steering committee reads in five minutes, from the same report model as the technical
/// report. Each question is answered by its primary analysis with exactly the detail's inference (the statement is derived
/// from the model and checked against the detail rows); the demo's synthesis prints on at most 4 A4 pages.
/// </summary>
public class CopilSynthesisTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Build_Demo_EachQuestionAnsweredByItsPrimaryAnalysisWithTheDetailsCounts()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, SampleReports.SampleTimestamp));
        var copil = model.Copil!;

        Assert.Equal(["Q1", "Q2", "Q3"], copil.Questions.Select(q => q.Code));
        Assert.Equal(["A2", "A5", null], copil.Questions.Select(q => q.PrimaryAnalysis)); // A2 is marked primary: true; A5 is Q2's only analysis
        foreach (var question in copil.Questions.Where(q => q.PrimaryAnalysis is not null))
        {
            var section = model.Analyses.Single(a => a.Code == question.PrimaryAnalysis);
            Assert.Equal(section.Summary, question.Answer);
            // The count of favourable results the synthesis states equals the detail rows read with their adjusted inference.
            var favourable = section.Contrasts.Count(c => c.IsShown && c.IsEstimated && c.Interpretation.Contains("favorable au groupe", StringComparison.Ordinal)
                && !c.Interpretation.Contains("ne se distingue plus", StringComparison.Ordinal));
            var stated = Regex.Match(question.Answer.Replace('\u202F', ' ').Replace('\u00A0', ' '), @"(\d+|aucun) écarts? favorables?");
            Assert.True(stated.Success, question.Answer);
            Assert.Equal(favourable, stated.Groups[1].Value == "aucun" ? 0 : int.Parse(stated.Groups[1].Value));
        }
        var q1 = copil.Questions[0];
        Assert.Matches("^Les analyses complémentaires A1, A3, A4 (vont dans le même sens que|divergent de) l'analyse principale A2", q1.Complementary);
        Assert.NotNull(q1.Chart);
        Assert.Null(copil.Questions[2].Chart);
        Assert.StartsWith("Aucune analyse ne compare de groupes sur cette question", copil.Questions[2].Answer);
    }

    [Fact]
    public async Task WriteAsync_Demo_SynthesisPdfAtMostFourPages()
    {
        var demo = await Demo.GetAsync();
        var directory = Demo.TempDirectory("copil");
        var written = await ReportWriter.WriteAsync(demo.Protocol, demo.Results,
            new ReportRequest("synthese-copil", [ReportFormat.Html, ReportFormat.Pdf], directory, Demo.TemplatesDirectory, FileName: "synthese-copil"));

        Assert.Empty(written.Messages);
        Assert.Equal(["synthese-copil.html", "synthese-copil.pdf"], written.Files.Select(Path.GetFileName));
        var pages = PdfFile.PageCount(PdfFile.Latin1(await File.ReadAllBytesAsync(written.Files[1])));
        output.WriteLine($"synthese-copil.pdf: {pages} pages");
        Assert.InRange(pages, 2, 4);
        var text = HtmlTypography.VisibleText(await File.ReadAllTextAsync(written.Files[0]));
        foreach (var question in demo.Protocol.Questions) Assert.Contains(question.Text.Replace("'", "’").Replace(" ?", "\u202F?"), text);
        Assert.Contains("Ce que les données permettent de conclure", text);
        Assert.Contains("Et maintenant", text);
    }
}
