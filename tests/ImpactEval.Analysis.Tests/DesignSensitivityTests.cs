using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests;

public class DesignSensitivityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // A reader of the demo report checks the detectable effect against the intervals it prints: the observed MDE must
    // be (t(1 − α/2; df) + t(power; df)) / t(1 − α/2; df) times the interval's half-width, in SDs of the indicator.
    // The quantiles come from R: qt(0.975, Inf) = 1.959964, qt(0.80, Inf) = 0.8416212.
    [Fact]
    public async Task Observed_Demo_AgreesWithEveryPrintedInterval()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var demo = await DemoData.LoadAsync(store);
        var observed = demo.Results.Sensitivity.Where(d => !d.IsPlanned).ToList();
        var estimates = demo.Results.Analyses.SelectMany(a => a.Contrasts.Select(c => (a, c)))
            .Where(x => x.c.Effect is { IsEstimable: true } && x.c.Scale is EffectScale.Difference or EffectScale.OddsRatio).ToList();
        Assert.NotEmpty(estimates);
        Assert.Equal(estimates.Count, observed.Count);
        foreach (var (a, c) in estimates)
        {
            var d = Assert.Single(observed, o => o.Analysis == a.Code && o.Indicator == c.Indicator && o.Comparison == c.Comparison);
            var e = c.Effect!;
            var (lower, upper) = c.Scale == EffectScale.OddsRatio ? (Math.Log(e.Interval.Lower), Math.Log(e.Interval.Upper)) : (e.Interval.Lower, e.Interval.Upper);
            var halfWidth = (upper - lower) / 2 / d.OutcomeStandardDeviation;
            var q = ObservedSensitivityQuantiles(e.DegreesOfFreedom);
            Assert.Equal(halfWidth * (q.Alpha + q.Power) / q.Alpha, d.StandardisedEffect, 1e-9);
            Assert.Equal(0.80, d.Power);
            Assert.Equal(1 - a.ConfidenceLevel, d.Alpha, 1e-12);
        }
        // On the demo's large df the multiplier is about 2.80 / 1.96 = 1.43 half-widths; the ANCOVA effects of A1 are in
        // the 0.3–0.4 SD band the intervals suggested, not the 0.20–0.23 of the planning formula with fixed school effects.
        var a1 = observed.Where(o => o.Analysis == "A1").Select(o => o.StandardisedEffect).ToList();
        Assert.All(a1, m => Assert.InRange(m, 0.15, 0.8));
        foreach (var d in demo.Results.Sensitivity) output.WriteLine($"{d.Wave} {d.Analysis} {d.Indicator} {d.Comparison} {d.StandardisedEffect:F3} df={d.DegreesOfFreedom:F1}");
    }

    private static (double Alpha, double Power) ObservedSensitivityQuantiles(double df)
    {
        var alpha = Statistics.ObservedSensitivity.CriticalValue(0.95, df);
        var power = Statistics.ObservedSensitivity.Multiplier(df) - alpha;
        return (alpha, power);
    }
}
