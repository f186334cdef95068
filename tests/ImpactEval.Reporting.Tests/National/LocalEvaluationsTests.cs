using ImpactEval.Analysis;
using ImpactEval.Analysis.National;
using ImpactEval.Data;
using ImpactEval.Reporting.National;
using ImpactEval.Reporting.Tests.Support;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Reporting.Tests.National;

public class LocalEvaluationsTests
{
    // ANCT's revue de projet asks 12 cités; four of them also run PasserelleS under their own protocol identifiers, one
    // with so few families that its groups fall below the secrecy threshold, and a fifth cité runs it without being asked
    // by the campaign. The synthesis of the campaign pools each contrast the four share: the small cité is excluded and
    // counted, the cité outside the campaign is not there, and the pooled figures are those of `impacteval pool` on the
    // same cités (PoolingService, itself checked against metafor in PoolingTests). The HTML shows the section with its
    // forest plot, the workbook has one sheet per pooled contrast.
    [Fact]
    public async Task Build_CampaignWhoseCitesShareAProtocol_PoolsTheirPublishedEstimates()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var national = await NationalDemoData.LoadAsync(store, cites: 12);
        var asked = national.Cites.Select(c => c.Code).ToList();
        string[] protocols = ["passerelles-a", "passerelles-b", "passerelles-c", "passerelles-d", "passerelles-hors"];
        await DemoData.LoadCiteAsync(store, protocols[0], asked[0], 11, 160);
        await DemoData.LoadCiteAsync(store, protocols[1], asked[3], 12, 160);
        await DemoData.LoadCiteAsync(store, protocols[2], asked[7], 13, 160);
        await DemoData.LoadCiteAsync(store, protocols[3], asked[9], 14, 9);
        await DemoData.LoadCiteAsync(store, protocols[4], "CE-990-01", 15, 160);
        await using var db = await store.OpenAsync();
        foreach (var id in protocols) await new EstimateService(db).ComputeAsync(id, "tests");

        var outcome = await new ConsolidationService(db).ConsolidateAsync(NationalDemoData.CampaignCode);
        var model = NationalSynthesisBuilder.Build(outcome.Results!, DateTimeOffset.UnixEpoch);

        Assert.True(outcome.Done, outcome.Message);
        var shared = outcome.Results!.LocalEvaluations;
        Assert.NotEmpty(shared);
        Assert.All(shared, c => Assert.Subset(new HashSet<string> { asked[0], asked[3], asked[7], asked[9] }, c.Cites.Select(e => e.Territory).ToHashSet()));
        Assert.Equal([asked[0], asked[3], asked[7], asked[9]], shared.Single(c => (c.Analysis, c.Indicator, c.Comparison) == ("A2", "COOP_SEPARATION", "EAJE")).Cites.Select(e => e.Territory));
        var expected = (await new PoolingService(db).PoolAsync("A2", "COOP_SEPARATION", "EAJE", protocols[..4], threshold: 5)).Pooled!;
        var section = model.LocalEvaluations.Single(s => s.Table.Id == "regroupement-a2-coop_separation-eaje");
        Assert.Equal(expected.Included.Select(c => c.Name), section.Table.Rows.SkipLast(2).Select(r => r.Cells[0].Text));
        Assert.Equal(3, expected.Included.Length);
        Assert.Equal(PoolingSection.Build(expected, "x", "y").Table.Rows[^2].Cells[4].Text, section.Table.Rows[^2].Cells[4].Text);
        Assert.Contains("1 cité exclue", section.Summary[0].Replace('\u00A0', ' '));
        Assert.Equal(shared.Length, model.LocalEvaluations.Length + model.LocalEvaluationsNote.Length);
        Assert.Equal(model.LocalEvaluations.Length, model.Tables.Count(t => t.Id.StartsWith("regroupement-", StringComparison.Ordinal)));
        Assert.Equal(model.LocalEvaluations.Length, model.LocalEvaluationsOverview!.Rows.Length);

        var html = new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("synthese-nationale", model);
        Assert.Contains("Évaluations locales regroupées", html);
        Assert.Contains("id=\"forest-regroupement-a2-coop_separation-eaje\"", html);
        Assert.Empty(HtmlIds.Problems(html));
        Assert.DoesNotContain("CE-990-01", html);
    }
}
