using System.Text.Json;
using Xunit;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>
/// ANCOVA and Lin's estimator against estimatr (Reference/regression.R, section 2;
/// Fixtures/regression/covariate_adjustment.json). Real-world case: pupils of a "cité" benefiting from
/// an action (BEN) against a comparison group (TEM), adjusting for a baseline score. Datasets:
/// "small_two_arms" (8 + 8 pupils, 4 clusters), "three_arms_ties" (three arms of 20/15/10, integer
/// baseline with ties, missing values, 8 clusters of 1…11), "collinear_covariate" (x2 = 2·x1),
/// "clusters8_weighted" (treatment assigned by school, 8 schools of 6…45 pupils, weights).
/// </summary>
public class CovariateAdjustmentTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (var name in RegressionFixture.DatasetNames("covariate_adjustment.json"))
            foreach (var estimator in new[] { "ancova", "lin" })
                foreach (var weighted in new[] { false, true })
                    foreach (var se in new[] { "classical", "HC0", "HC1", "HC2", "HC3", "CR0", "stata", "CR2" })
                        yield return [name, estimator, weighted, se];
    }

    // ancova: lm_robust(y ~ group + baseline + x…, se_type = se [, weights = w] [, clusters = cl]);
    // lin: lm_lin(y ~ group, covariates = ~ baseline + x…, same options).
    [Theory]
    [MemberData(nameof(Cases))]
    public void Estimator_FixtureDataset_MatchesEstimatr(string dataset, string estimator, bool weighted, string seType)
    {
        var ds = RegressionFixture.Dataset("covariate_adjustment.json", dataset);
        var data = ds.GetProperty("data");
        var y = RegressionFixture.Numbers(data, "y");
        var group = RegressionFixture.Labels(data, "group");
        var reference = ds.GetProperty("reference").GetString()!;
        var baseline = new Predictor("baseline", RegressionFixture.Numbers(data, "baseline"));
        var covariates = ReferenceFixture.Strings(ds.GetProperty("covariates"))
            .Select(c => new Predictor(c, RegressionFixture.Numbers(data, c))).ToList();
        var weights = weighted ? RegressionFixture.Numbers(data, "w") : [];
        var model = estimator == "ancova"
            ? CovariateAdjustment.Ancova(y, group, reference, baseline, covariates, weights)
            : CovariateAdjustment.Lin(y, group, reference, [baseline, .. covariates], weights);
        var clusters = RegressionFixture.Integers(data, "cl");
        var result = seType switch
        {
            "classical" => model.Classical(),
            "HC0" => model.HC0(),
            "HC1" => model.HC1(),
            "HC2" => model.HC2(),
            "HC3" => model.HC3(),
            "CR0" => model.CR0(clusters),
            "stata" => model.CR1(clusters),
            _ => model.CR2(clusters),
        };
        var expected = Find(ds, estimator, weighted, seType);
        RegressionFixture.AssertTable(expected, result.Model, $"{dataset} {estimator} weighted={weighted} {seType}");
        // The effect rows are the group dummies, right after the intercept.
        var rTerms = ReferenceFixture.Strings(expected.GetProperty("term"));
        Assert.Equal(model.EffectTerms.Length, result.Effects.Length);
        for (int k = 0; k < result.Effects.Length; k++)
        {
            Assert.StartsWith("group", rTerms[1 + k]);
            Assert.Equal(result.Model.Estimates[1 + k], result.Effects[k]);
        }
    }

    [Fact]
    public void Ancova_ReferenceGroupAbsent_ThrowsFrenchReason()
    {
        // Every pupil of the comparison group lacks an outcome: no contrast can be estimated.
        double[] y = [1, 2, double.NaN, double.NaN, 3];
        string?[] g = ["BEN", "BEN", "TEM", "TEM", "BEN"];
        var ex = Assert.Throws<StatisticsException>(() =>
            CovariateAdjustment.Ancova(y, g, "TEM", new Predictor("baseline", [1, 2, 3, 4, 5])));
        Assert.Contains("référence « TEM » est absent", ex.Message);
    }

    [Fact]
    public void Lin_ThreeArms_EffectEqualsContrastOfAdjustedMeans()
    {
        // Lin's group coefficient is the difference of regression-adjusted means at the covariate mean:
        // fitting each arm separately on the centred covariate gives the same intercept difference.
        var ds = RegressionFixture.Dataset("covariate_adjustment.json", "small_two_arms");
        var data = ds.GetProperty("data");
        var y = RegressionFixture.Numbers(data, "y");
        var group = RegressionFixture.Labels(data, "group");
        var x = RegressionFixture.Numbers(data, "baseline");
        var model = CovariateAdjustment.Lin(y, group, "TEM", [new Predictor("baseline", x)]);
        double mean = x.Average();
        double Intercept(string arm)
        {
            var idx = Enumerable.Range(0, y.Length).Where(i => group[i] == arm).ToArray();
            var design = new DesignMatrixBuilder(idx.Length).AddNumeric("x", idx.Select(i => x[i] - mean).ToArray()).Build();
            return LinearModel.Ols(idx.Select(i => y[i]).ToArray(), design).Coefficients[0];
        }
        ReferenceFixture.AssertClose(Intercept("BEN") - Intercept("TEM"), model.HC2().Effect.Value, 1e-10, "Lin effect");
    }

    private static JsonElement Find(JsonElement dataset, string estimator, bool weighted, string seType)
    {
        foreach (var f in dataset.GetProperty("fits").EnumerateArray())
            if (f.GetProperty("estimator").GetString() == estimator && f.GetProperty("weighted").GetBoolean() == weighted
                && f.GetProperty("se_type").GetString() == seType) return f;
        throw new KeyNotFoundException($"{estimator} {weighted} {seType}");
    }
}
