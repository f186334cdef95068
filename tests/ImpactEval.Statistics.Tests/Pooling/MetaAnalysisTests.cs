using System.Text.Json;
using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Pooling one impact estimate per cité. Expected values: Fixtures/design/meta_analysis.json from
/// Reference/design.R — metafor::rma(yi, vi, method = "EE" | "DL" | "REML", test = "z" | "knha" |
/// "adhoc", control = list(threshold = 1e-12, maxiter = 1000)), predict() for the prediction interval,
/// weights() for the weights. Datasets: k = 3 (tiny), k = 10, heterogeneous k = 25, a k = 6 set at the
/// τ² = 0 boundary, metafor's dat.bcg (k = 13, log risk ratios) and k = 2.
/// </summary>
public class MetaAnalysisTests
{
    private static readonly JsonElement Fixture = Load("design/meta_analysis.json");

    public static TheoryData<string> Datasets()
    {
        var data = new TheoryData<string>();
        foreach (var d in Fixture.EnumerateArray()) data.Add(d.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void AllModelsAndTests_MetaforDataset_MatchR(string name)
    {
        var dataset = Fixture.EnumerateArray().Single(d => d.GetProperty("name").GetString() == name);
        var yi = Doubles(dataset.GetProperty("yi"));
        var vi = Doubles(dataset.GetProperty("vi"));
        foreach (var fit in dataset.GetProperty("fits").EnumerateObject())
        {
            var parts = fit.Name.Split('_');
            var test = parts[1] switch
            {
                "knha" => MetaAnalysisTest.KnappHartung,
                "adhoc" => MetaAnalysisTest.KnappHartungAdHoc,
                _ => MetaAnalysisTest.Normal,
            };
            var level = parts.Length > 2 ? 0.90 : 0.95;
            var r = parts[0] switch
            {
                "EE" => MetaAnalysis.EqualEffects(yi, vi, level),
                "DL" => MetaAnalysis.DerSimonianLaird(yi, vi, test, level),
                _ => MetaAnalysis.RestrictedMaximumLikelihood(yi, vi, test, level),
            };
            // Closed form (EE, DL): 1e-8; REML (iterative, converged to 1e-12 on both sides): 1e-6 required, 1e-8 checked.
            var tol = 1e-8;
            var e = fit.Value;
            var what = $"{name} {fit.Name}";
            AssertClose(e.D("beta"), r.Pooled.Value, tol, what + " estimate");
            AssertClose(e.D("se"), r.Pooled.StandardError, tol, what + " SE");
            AssertClose(e.D("zval"), r.Pooled.Statistic, tol, what + " statistic");
            AssertClose(e.D("pval"), r.Pooled.PValue, 1e-8, what + " p");
            AssertClose(e.D("ci_lb"), r.Pooled.Interval.Lower, tol, what + " CI lower");
            AssertClose(e.D("ci_ub"), r.Pooled.Interval.Upper, tol, what + " CI upper");
            AssertClose(e.D("tau2"), r.Tau2, tol, what + " tau2");
            if (e.Has("se_tau2")) AssertClose(e.D("se_tau2"), r.Tau2StandardError!.Value, tol, what + " SE(tau2)");
            else Assert.Null(r.Tau2StandardError);
            AssertClose(e.D("QE"), r.Q, tol, what + " Q");
            AssertClose(e.D("QEp"), r.QPValue, 1e-8, what + " Q p");
            AssertClose(e.D("I2"), r.I2, tol, what + " I2");
            AssertClose(e.D("H2"), r.H2, tol, what + " H2");
            AssertClose(e.Has("df") ? e.D("df") : double.PositiveInfinity, r.Pooled.DegreesOfFreedom, 0, what + " df");
            if (e.Has("pi_lb"))
            {
                AssertClose(e.D("pi_lb"), r.PredictionInterval.Lower, tol, what + " PI lower");
                AssertClose(e.D("pi_ub"), r.PredictionInterval.Upper, tol, what + " PI upper");
            }
            else
            {
                // predict() gives no prediction interval for an equal-effects model; ours is the CI (τ² = 0).
                Assert.Equal("EE", r.Model);
                Assert.Equal(r.Pooled.Interval, r.PredictionInterval);
            }
            var w = Doubles(e.GetProperty("weights"));
            for (var i = 0; i < w.Length; i++) AssertClose(w[i], r.Weights[i], tol, what + $" weight {i}");
            Assert.Equal(yi.Length, r.Studies);
        }
    }

    [Fact]
    public void RestrictedMaximumLikelihood_BoundaryDataset_TauSquaredZeroWithWarning()
    {
        // Effects closer than their sampling error (Q < k − 1): metafor gives tau2 = 0 for DL and REML.
        var d = Fixture.EnumerateArray().Single(x => x.GetProperty("name").GetString() == "boundary_k6");
        var r = MetaAnalysis.RestrictedMaximumLikelihood(Doubles(d.GetProperty("yi")), Doubles(d.GetProperty("vi")));
        Assert.Equal(0.0, r.Tau2);
        Assert.True(r.Q < r.QDegreesOfFreedom);
        Assert.Contains(r.Pooled.Warnings, w => w.Contains("variance entre cités estimée est nulle"));
    }

    [Fact]
    public void RestrictedMaximumLikelihood_FromEstimates_SameAsFromVariances()
    {
        // Pooling per-cité Estimate records uses SE² as the sampling variance.
        double[] y = [0.12, 0.31, -0.05, 0.2];
        double[] se = [0.1, 0.15, 0.12, 0.09];
        var estimates = y.Select((v, i) => new Estimate("impact", v, se[i], v / se[i], double.PositiveInfinity, 0.5,
            new ConfidenceInterval(v - 2 * se[i], v + 2 * se[i], 0.95), "test", 100, [])).ToList();
        var fromEstimates = MetaAnalysis.RestrictedMaximumLikelihood(estimates);
        var fromVariances = MetaAnalysis.RestrictedMaximumLikelihood(y, se.Select(s => s * s).ToArray());
        Assert.Equal(fromVariances.Pooled.Value, fromEstimates.Pooled.Value);
        Assert.Equal(fromVariances.Tau2, fromEstimates.Tau2);
    }

    [Fact]
    public void DerSimonianLaird_MissingStudy_DroppedWithWarningAndZeroWeight()
    {
        // The k = 3 fixture plus a cité without an estimate: same fit as metafor on the 3 complete ones.
        var d = Fixture.EnumerateArray().Single(x => x.GetProperty("name").GetString() == "tiny_k3");
        var expected = d.GetProperty("fits").GetProperty("DL_z");
        var yi = Doubles(d.GetProperty("yi")).Append(double.NaN).ToArray();
        var vi = Doubles(d.GetProperty("vi")).Append(0.02).ToArray();
        var r = MetaAnalysis.DerSimonianLaird(yi, vi);
        Assert.Equal(3, r.Studies);
        AssertClose(expected.D("beta"), r.Pooled.Value, 1e-10, "estimate");
        Assert.Equal(0.0, r.Weights[3]);
        Assert.Contains(r.Pooled.Warnings, w => w.Contains("n° 4 écartée"));
    }

    [Fact]
    public void RestrictedMaximumLikelihood_SingleStudy_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => MetaAnalysis.RestrictedMaximumLikelihood([0.2], [0.01]));
        Assert.Contains("au moins deux estimations", ex.Message);
        Assert.Throws<StatisticsException>(() => MetaAnalysis.EqualEffects([0.2, double.NaN], [0.01, 0.02]));
    }

    [Fact]
    public void DerSimonianLaird_ZeroVariance_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => MetaAnalysis.DerSimonianLaird([0.2, 0.3, 0.1], [0.01, 0, 0.02]));
        Assert.Contains("étude n° 2", ex.Message);
        Assert.Contains("strictement positive", ex.Message);
        Assert.Throws<StatisticsException>(() => MetaAnalysis.EqualEffects([0.2, 0.3], [0.01, -0.02]));
    }

    [Fact]
    public void KnappHartung_IdenticalEffects_ThrowsFrench()
    {
        // metafor sets the Knapp-Hartung factor to 0 here (SE = 0); we refuse instead of returning an infinite t.
        var ex = Assert.Throws<StatisticsException>(() =>
            MetaAnalysis.DerSimonianLaird([0.2, 0.2, 0.2], [0.01, 0.02, 0.03], MetaAnalysisTest.KnappHartung));
        Assert.Contains("Knapp-Hartung", ex.Message);
        var adhoc = MetaAnalysis.DerSimonianLaird([0.2, 0.2, 0.2], [0.01, 0.02, 0.03], MetaAnalysisTest.KnappHartungAdHoc);
        Assert.Equal(0.2, adhoc.Pooled.Value, 12);
    }

    [Fact]
    public void EqualEffects_LengthMismatch_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => MetaAnalysis.EqualEffects([0.1, 0.2], [0.01]));
    }
}
