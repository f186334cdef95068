using System.Text.Json;
using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Statistics;
using Xunit;

namespace ImpactEval.Analysis.Tests.National;

/// <summary>
/// 28 cités running the same protocol pool their adjusted difference of one contrast (Reference/pooling.R,
/// Fixtures/pooling.json): 3 have a group below the secrecy threshold of 5, so 25 are pooled. Expected values from
/// metafor 3.8.1's rma (REML or DL, Knapp–Hartung or z) and predict.rma.
/// </summary>
public class PoolingTests
{
    private static readonly JsonElement Fixture = Load();

    private static JsonElement Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pooling.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static List<CiteEstimate> Cites(bool ratios) => [.. Fixture.GetProperty("cites").EnumerateArray().Select(c =>
    {
        var n1 = c.GetProperty("focal_n").GetInt32();
        var n2 = c.GetProperty("comparison_n").GetInt32();
        var effect = ratios
            ? new Estimate("groupe[BEN] - groupe[EAJE]", c.GetProperty("or").GetDouble(), double.NaN, double.NaN, 7, double.NaN,
                new ConfidenceInterval(c.GetProperty("or_low").GetDouble(), c.GetProperty("or_high").GetDouble(), 0.95), "Odds ratio, CR1", n1 + n2, [])
            : new Estimate("groupe[BEN] - groupe[EAJE]", c.GetProperty("estimate").GetDouble(), c.GetProperty("std_error").GetDouble(), double.NaN,
                c.GetProperty("df").GetDouble(), double.NaN, new ConfidenceInterval(c.GetProperty("conf_low").GetDouble(), c.GetProperty("conf_high").GetDouble(), 0.95),
                "OLS, CR2 (Bell-McCaffrey df)", n1 + n2, []);
        var contrast = new ContrastEstimate("COOP_SEPARATION", "BEN", "EAJE", n1, n2, double.NaN, double.NaN,
            ratios ? EffectScale.OddsRatio : EffectScale.Difference, effect, null, null);
        return new CiteEstimate(c.GetProperty("code").GetString()!, c.GetProperty("code").GetString()!, "passerelles", contrast);
    })];

    [Theory]
    [InlineData("reml_knha", PoolingMethod.RestrictedMaximumLikelihood, MetaAnalysisTest.KnappHartung, false)]
    [InlineData("dl_knha", PoolingMethod.DerSimonianLaird, MetaAnalysisTest.KnappHartung, false)]
    [InlineData("reml_z", PoolingMethod.RestrictedMaximumLikelihood, MetaAnalysisTest.Normal, false)]
    [InlineData("or_reml_knha", PoolingMethod.RestrictedMaximumLikelihood, MetaAnalysisTest.KnappHartung, true)]
    public void Pool_TwentyEightCitesThreeBelowThreshold_EqualsMetafor(string name, PoolingMethod method, MetaAnalysisTest test, bool ratios)
    {
        var pooled = Pooling.Pool("A2", Cites(ratios), Fixture.GetProperty("threshold").GetInt32(), method, test);
        var expected = Fixture.GetProperty("fits").GetProperty(name);

        Assert.Equal(25, pooled.Included.Length);
        Assert.Equal(3, pooled.BelowThreshold);
        Assert.Equal(0, pooled.NotEstimated);
        var r = pooled.Result;
        void Close(string field, double actual)
        {
            var value = expected.GetProperty(field);
            if (value.ValueKind == JsonValueKind.Null) { Assert.True(double.IsPositiveInfinity(actual), field); return; }
            var e = value.GetDouble();
            Assert.True(Math.Abs(actual - e) <= 1e-8 * Math.Max(1, Math.Abs(e)), $"{name} {field}: expected {e:R}, got {actual:R}");
        }
        Close("estimate", r.Pooled.Value);
        if (!ratios) Close("se", r.Pooled.StandardError);
        Close("statistic", r.Pooled.Statistic);
        Close("df", r.Pooled.DegreesOfFreedom);
        Close("p_value", r.Pooled.PValue);
        Close("conf_low", r.Pooled.Interval.Lower);
        Close("conf_high", r.Pooled.Interval.Upper);
        Close("tau2", r.Tau2);
        Close("i2", r.I2);
        Close("h2", r.H2);
        Close("q", r.Q);
        Close("q_p", r.QPValue);
        Close("pi_low", r.PredictionInterval.Lower);
        Close("pi_high", r.PredictionInterval.Upper);
        var weights = expected.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToList();
        for (var i = 0; i < weights.Count; i++) Assert.True(Math.Abs(r.Weights[i] - weights[i]) <= 1e-8 * weights[i], $"weight {i}");
    }

    // A single cité publishing the contrast cannot be pooled: a French reason, no number.
    [Fact]
    public void Pool_OnePublishedCite_RefusedInFrench()
    {
        var cites = Cites(false).Take(6).ToList(); // cité 5 is below the threshold
        var error = Assert.Throws<StatisticsException>(() => Pooling.Pool("A2", cites.Where(c => c.Contrast.FocalN < 5).Concat(cites.Take(1)).ToList(), 5));
        Assert.Contains("au moins deux", error.Message);
    }
}
