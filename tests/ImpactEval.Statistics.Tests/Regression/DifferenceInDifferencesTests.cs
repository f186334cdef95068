using System.Text.Json;
using Xunit;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>
/// Difference-in-differences against estimatr (Reference/regression.R, section 3;
/// Fixtures/regression/did.json). Real-world case: families followed over the waves of a cohort
/// protocol, some benefiting from an action from a given wave on.
/// Change-score datasets: "cs_small" (5 + 5 units), "cs_unequal_ties" (20 + 10 units, integer scores,
/// a missing value, 8 clusters of 1…7), "cs_covariate_clusters" (school-level treatment, 8 schools,
/// covariate). Panels: "panel_balanced_small" (8 units × 2 waves), "panel_unbalanced" (24 units × 4
/// waves, 8 observations missing, one unit seen once, covariate; clusters = units), "panel_schools"
/// (40 pupils nested in 8 schools of 2…9, waves 2019–2021; clusters = schools).
/// </summary>
public class DifferenceInDifferencesTests
{
    private static readonly string[] SeTypes = ["classical", "HC0", "HC1", "HC2", "HC3", "CR0", "stata", "CR2"];

    public static IEnumerable<object[]> ChangeScoreCases() =>
        from ds in ReferenceFixture.Load("regression/did.json").GetProperty("change_score").EnumerateArray()
        from se in SeTypes
        select new object[] { ds.GetProperty("name").GetString()!, se };

    public static IEnumerable<object[]> PanelCases() =>
        from ds in ReferenceFixture.Load("regression/did.json").GetProperty("twfe").EnumerateArray()
        from se in SeTypes
        select new object[] { ds.GetProperty("name").GetString()!, se };

    public static IEnumerable<object[]> EventStudyCases() =>
        from ds in ReferenceFixture.Load("regression/did.json").GetProperty("twfe").EnumerateArray()
        from se in new[] { "CR2", "stata", "HC2" }
        select new object[] { ds.GetProperty("name").GetString()!, se };

    // lm_robust(after - before ~ group [+ x1], se_type = se [, clusters = cl]).
    [Theory]
    [MemberData(nameof(ChangeScoreCases))]
    public void ChangeScore_FixtureDataset_MatchesEstimatr(string dataset, string seType)
    {
        var ds = Find("change_score", dataset);
        var data = ds.GetProperty("data");
        var covariates = ReferenceFixture.Strings(ds.GetProperty("covariates"))
            .Select(c => new Predictor(c, RegressionFixture.Numbers(data, c))).ToList();
        var model = DifferenceInDifferences.ChangeScore(RegressionFixture.Numbers(data, "before"),
            RegressionFixture.Numbers(data, "after"), RegressionFixture.Labels(data, "group"),
            ds.GetProperty("reference").GetString()!, covariates);
        var result = Run(model, seType, RegressionFixture.Integers(data, "cl"));
        RegressionFixture.AssertTable(Fit(ds, seType), result.Model, $"{dataset} {seType}");
        Assert.Equal("group[BEN]", result.Effect.Term);
    }

    // lm_robust(y ~ D [+ x1] + factor(wave) + factor(unit), se_type = se [, clusters = cl]) for the
    // estimates, and lm_robust(y ~ D [+ x1] + factor(wave), fixed_effects = ~unit, …) for SE and df.
    [Theory]
    [MemberData(nameof(PanelCases))]
    public void TwoWayFixedEffects_FixturePanel_MatchesEstimatrWithUnitDummies(string dataset, string seType)
    {
        var ds = Find("twfe", dataset);
        var data = ds.GetProperty("data");
        var model = DifferenceInDifferences.TwoWayFixedEffects(RegressionFixture.Numbers(data, "y"),
            RegressionFixture.Integers(data, "unit"), RegressionFixture.Integers(data, "wave"),
            Bools(data, "D"), Covariates(ds, data));
        var result = Run(model, seType, RegressionFixture.Integers(data, "cl"));
        var expected = Fit(ds, seType);
        double ci = seType == "CR2" ? 1e-6 : 1e-8;
        // R rows 1… (after the intercept) are D, x1, the wave dummies; the unit dummies follow.
        // In "panel_schools" a pupil is observed once (leverage exactly 1). With explicit dummies
        // estimatr's HC2 computes 0/(1 − h) with h a hair above 1 and returns NA for every SE; its
        // fixed_effects version (and ours) gives that observation weight 0, so only the latter is compared.
        var rSe = ReferenceFixture.Doubles(expected.GetProperty("std_error"));
        bool dummiesBrokeDown = double.IsNaN(rSe[1]);
        Assert.True(!dummiesBrokeDown || (dataset == "panel_schools" && seType == "HC2"), "unexpected NA in estimatr's table");
        if (!dummiesBrokeDown)
            RegressionFixture.AssertRows(expected, 1, result.Model.Estimates, $"{dataset} {seType} dummies", 1e-8, 1e-6, ci);
        RegressionFixture.AssertRows(expected, 1, result.Model.Estimates, $"{dataset} {seType} fixed_effects", 1e-8, 1e-6, ci,
            seKey: "fe_std_error", dfKey: "fe_df");
        Assert.Equal(expected.GetProperty("nobs").GetInt32(), result.Model.N);
        ReferenceFixture.AssertClose(expected.GetProperty("r_squared").GetDouble(), result.Model.RSquared, 1e-8, "R²");
        ReferenceFixture.AssertClose(expected.GetProperty("adj_r_squared").GetDouble(), result.Model.AdjustedRSquared, 1e-8, "adjusted R²");
        Assert.Equal(expected.GetProperty("df_residual").GetDouble(), result.Model.ResidualDegreesOfFreedom);
        Assert.Equal(DifferenceInDifferences.TreatedPostTerm, result.Effect.Term);
    }

    // lm_robust(y ~ ev_w… [+ x1] + factor(wave) + factor(unit), clusters = cl), ev_w = treated × (wave == w).
    [Theory]
    [MemberData(nameof(EventStudyCases))]
    public void EventStudy_FixturePanel_MatchesEstimatr(string dataset, string seType)
    {
        var ds = Find("twfe", dataset);
        var data = ds.GetProperty("data");
        var model = DifferenceInDifferences.EventStudy(RegressionFixture.Numbers(data, "y"),
            RegressionFixture.Integers(data, "unit"), RegressionFixture.Integers(data, "wave"),
            Bools(data, "treated"), ds.GetProperty("reference_wave").GetInt32(), Covariates(ds, data));
        var result = Run(model, seType, RegressionFixture.Integers(data, "cl"));
        JsonElement expected = default;
        foreach (var f in ds.GetProperty("event_study").EnumerateArray())
            if (f.GetProperty("se_type").GetString() == seType) expected = f;
        double ci = seType == "CR2" ? 1e-6 : 1e-8;
        RegressionFixture.AssertRows(expected, 1, result.Model.Estimates, $"{dataset} event study {seType}", 1e-8, 1e-6, ci);
        var rTerms = ReferenceFixture.Strings(expected.GetProperty("term"));
        for (int k = 0; k < result.Effects.Length; k++)
            Assert.Equal(rTerms[1 + k].Replace("ev", "treated:wave[") + "]", result.Effects[k].Term);
    }

    [Fact]
    public void TwoWayFixedEffects_UnitsSpanningClusters_CR2RefusesClearly()
    {
        // A pupil who changed school between waves: CR2 with absorbed unit effects needs units nested
        // in clusters (otherwise the fixed-effect block of the hat matrix is not cluster-diagonal).
        double[] y = [1, 2, 3, 4.5, 2, 3.5, 1, 2.2];
        int[] unit = [1, 1, 2, 2, 3, 3, 4, 4];
        int[] wave = [1, 2, 1, 2, 1, 2, 1, 2];
        bool[] d = [false, true, false, true, false, false, false, false];
        int[] school = [1, 2, 1, 1, 2, 2, 3, 3];
        var model = DifferenceInDifferences.TwoWayFixedEffects(y, unit, wave, d);
        var ex = Assert.Throws<StatisticsException>(() => model.CR2(school));
        Assert.Contains("une seule grappe", ex.Message);
        Assert.True(double.IsFinite(model.CR1(school).Effect.StandardError)); // CR0/CR1 need no nesting
    }

    private static TreatmentEffectResult Run(TreatmentEffectModel model, string seType, int[] clusters) => seType switch
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

    private static List<Predictor>? Covariates(JsonElement ds, JsonElement data) =>
        ds.GetProperty("with_x").GetBoolean() ? [new Predictor("x1", RegressionFixture.Numbers(data, "x1"))] : null;

    private static bool[] Bools(JsonElement data, string column) =>
        data.GetProperty(column).EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.True || (e.ValueKind == JsonValueKind.Number && e.GetDouble() != 0)).ToArray();

    private static JsonElement Find(string section, string name)
    {
        foreach (var ds in ReferenceFixture.Load("regression/did.json").GetProperty(section).EnumerateArray())
            if (ds.GetProperty("name").GetString() == name) return ds;
        throw new KeyNotFoundException(name);
    }

    private static JsonElement Fit(JsonElement ds, string seType)
    {
        foreach (var f in ds.GetProperty("fits").EnumerateArray())
            if (f.GetProperty("se_type").GetString() == seType) return f;
        throw new KeyNotFoundException(seType);
    }
}
