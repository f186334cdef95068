using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.National;
using ImpactEval.Statistics;
using Xunit;

namespace ImpactEval.Reporting.Tests.National;

public class PoolingSectionTests
{
    private static CiteEstimate Cite(string code, double effect, double se, int n) =>
        new(code, $"Cité {code}", "passerelles", new ContrastEstimate("COOP_SEPARATION", "BEN", "EAJE", n, n, double.NaN, double.NaN, EffectScale.Difference,
            new Estimate("groupe[BEN] - groupe[EAJE]", effect, se, effect / se, 20, 0.05, new ConfidenceInterval(effect - 2 * se, effect + 2 * se, 0.95), "OLS, CR2", 2 * n, []), null, null));

    // A national user pools four cités, one of which is below the secrecy threshold: the section counts it without naming
    // it, draws one row per pooled cité, the pooled effect and the prediction interval, and says it in French.
    [Fact]
    public void Build_FourCitesOneSmall_ForestPlotByCiteAndCountedExclusion()
    {
        var pooled = Pooling.Pool("A2", [Cite("CE-001-01", 0.3, 0.1, 120), Cite("CE-002-01", 0.1, 0.12, 90), Cite("CE-003-01", 0.45, 0.15, 60), Cite("CE-004-01", 0.9, 0.5, 3)], 5);

        var section = PoolingSection.Build(pooled, "Implication dans la séparation", "Familles avec mode d’accueil");

        Assert.Equal(5, section.Table.Rows.Length); // three cités, the pooled effect, the prediction interval
        Assert.Contains("1 cité exclue", section.Summary[0].Replace('\u00A0', ' ').Replace('\u202F', ' '));
        Assert.DoesNotContain("CE-004-01", section.ForestPlot.Svg);
        foreach (var code in new[] { "CE-001-01", "CE-002-01", "CE-003-01" }) Assert.Contains($"Cité {code}", section.ForestPlot.Svg);
        Assert.Contains("Ensemble des cités", section.ForestPlot.Svg);
        Assert.Contains("intervalle de prédiction", section.Summary[2]);
        Assert.Contains("τ²", section.Summary[2]);
    }
}
