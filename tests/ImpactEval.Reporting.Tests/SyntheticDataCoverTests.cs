using ImpactEval.Analysis;
using ImpactEval.Core.Loading;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Reporting.Tests;

/// <summary>Issue 12, item 7: the cover says « données synthétiques » when the data was generated, and only then.</summary>
public class SyntheticDataCoverTests
{
    [Theory]
    [InlineData("rapport-cohorte")]
    [InlineData("fiche-territoire")]
    public void Render_SyntheticOrNot_CoverSaysItOnlyWhenGenerated(string template)
    {
        var protocol = ProtocolLoader.LoadFile(PairedCohort.ProtocolPath).Protocol!;
        var results = ProtocolAnalysis.Run(protocol, PairedCohort.Dataset(protocol, ("ENFANTS", PairedCohort.Case("continuous_40"), null)));
        var renderer = new ReportRenderer(Demo.TemplatesDirectory);
        string Text(bool synthetic)
        {
            var generation = ReportGeneration.For(results, SampleReports.SampleTimestamp) with { SyntheticData = synthetic };
            return HtmlTypography.VisibleText(renderer.RenderHtml(template, ReportModelBuilder.Build(protocol, results, generation)));
        }

        Assert.Contains("Données synthétiques.", Text(true));
        Assert.DoesNotContain("synthétiques", Text(false));
    }
}
