using System.Text.Json;
using Xunit;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>Reads the datasets and R tables written by Reference/regression.R.</summary>
internal static class RegressionFixture
{
    public static JsonElement Dataset(string file, string name)
    {
        foreach (var ds in ReferenceFixture.Load($"regression/{file}").GetProperty("datasets").EnumerateArray())
            if (ds.GetProperty("name").GetString() == name) return ds;
        throw new KeyNotFoundException(name);
    }

    public static IEnumerable<string> DatasetNames(string file) =>
        ReferenceFixture.Load($"regression/{file}").GetProperty("datasets").EnumerateArray()
            .Select(d => d.GetProperty("name").GetString()!);

    public static double[] Numbers(JsonElement data, string column) => ReferenceFixture.Doubles(data.GetProperty(column));

    public static int[] Integers(JsonElement data, string column) =>
        ReferenceFixture.Doubles(data.GetProperty(column)).Select(v => (int)v).ToArray();

    public static string?[] Labels(JsonElement data, string column) =>
        data.GetProperty(column).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()).ToArray();

    /// <summary>Design of a linear_models.json dataset: intercept, numeric columns, then factors (R's formula order).</summary>
    public static DesignMatrix Design(JsonElement dataset)
    {
        var data = dataset.GetProperty("data");
        int n = data.GetProperty("y").GetArrayLength();
        var builder = new DesignMatrixBuilder(n);
        foreach (var name in ReferenceFixture.Strings(dataset.GetProperty("numeric")))
            builder.AddNumeric(name, Numbers(data, name));
        foreach (var factor in dataset.GetProperty("factors").EnumerateArray())
        {
            var name = factor.GetProperty("name").GetString()!;
            builder.AddFactor(name, Labels(data, name), factor.GetProperty("reference").GetString());
        }
        return builder.Build();
    }

    /// <summary>
    /// Asserts a C# table equals an R tidy table (estimatr names map to ours by position): estimates,
    /// SEs, t and R² to <paramref name="tolerance"/>, df and p to <paramref name="pTolerance"/>. CI bounds
    /// get <paramref name="tolerance"/> when df is fixed (n − k, J − 1) and <paramref name="pTolerance"/>
    /// when df is estimated (CR2's Bell–McCaffrey df): est ± qt(·, df)·se inherits the df's accuracy.
    /// </summary>
    public static void AssertTable(JsonElement expected, RegressionTable actual, string what,
        double tolerance = 1e-8, double pTolerance = 1e-6)
    {
        double ciTolerance = actual.Variance == VarianceEstimator.CR2 ? pTolerance : tolerance;
        var terms = ReferenceFixture.Strings(expected.GetProperty("term"));
        Assert.Equal(terms.Length, actual.Estimates.Length);
        AssertRows(expected, 0, actual.Estimates, what, tolerance, pTolerance, ciTolerance);
        Assert.Equal(expected.GetProperty("nobs").GetInt32(), actual.N);
        var clusters = expected.GetProperty("nclusters");
        if (clusters.ValueKind == JsonValueKind.Null) Assert.Null(actual.ClusterCount);
        else Assert.Equal(clusters.GetInt32(), actual.ClusterCount);
        ReferenceFixture.AssertClose(expected.GetProperty("r_squared").GetDouble(), actual.RSquared, tolerance, $"{what} R²");
        ReferenceFixture.AssertClose(expected.GetProperty("adj_r_squared").GetDouble(), actual.AdjustedRSquared, tolerance, $"{what} adjusted R²");
        ReferenceFixture.AssertClose(expected.GetProperty("df_residual").GetDouble(), actual.ResidualDegreesOfFreedom, 0, $"{what} residual df");
    }

    /// <summary>
    /// Asserts R rows <paramref name="offset"/>… of a tidy table equal <paramref name="actual"/> (e.g. the
    /// D, covariate and wave rows of a model whose intercept and unit dummies we absorb).
    /// </summary>
    public static void AssertRows(JsonElement expected, int offset, IReadOnlyList<Estimate> actual, string what,
        double tolerance, double pTolerance, double ciTolerance, string seKey = "std_error", string dfKey = "df")
    {
        var terms = ReferenceFixture.Strings(expected.GetProperty("term"));
        var estimate = ReferenceFixture.Doubles(expected.GetProperty("estimate"));
        var se = ReferenceFixture.Doubles(expected.GetProperty(seKey));
        var statistic = ReferenceFixture.Doubles(expected.GetProperty("statistic"));
        var df = ReferenceFixture.Doubles(expected.GetProperty(dfKey));
        var p = ReferenceFixture.Doubles(expected.GetProperty("p_value"));
        var low = ReferenceFixture.Doubles(expected.GetProperty("conf_low"));
        var high = ReferenceFixture.Doubles(expected.GetProperty("conf_high"));
        int seOffset = seKey == "std_error" ? offset : 0;
        int dfOffset = dfKey == "df" ? offset : 0;
        for (int k = 0; k < actual.Count; k++)
        {
            int j = offset + k;
            var e = actual[k];
            var label = $"{what} {terms[j]}";
            ReferenceFixture.AssertClose(estimate[j], e.Value, tolerance, $"{label} estimate");
            ReferenceFixture.AssertClose(se[seOffset + k], e.StandardError, tolerance, $"{label} SE ({seKey})");
            ReferenceFixture.AssertClose(df[dfOffset + k], e.DegreesOfFreedom, pTolerance, $"{label} df ({dfKey})");
            if (seKey != "std_error") continue;
            ReferenceFixture.AssertClose(statistic[j], e.Statistic, tolerance, $"{label} t");
            ReferenceFixture.AssertClose(p[j], e.PValue, pTolerance, $"{label} p");
            ReferenceFixture.AssertClose(low[j], e.Interval.Lower, ciTolerance, $"{label} CI low");
            ReferenceFixture.AssertClose(high[j], e.Interval.Upper, ciTolerance, $"{label} CI high");
            Assert.Equal(double.IsNaN(estimate[j]), e.Warnings.Length > 0);
        }
    }

    /// <summary>Runs the variance method named by estimatr's se_type.</summary>
    public static RegressionTable Variance(LinearModelFit fit, string seType, int[] clusters) => seType switch
    {
        "classical" => fit.Classical(),
        "HC0" => fit.HC0(),
        "HC1" => fit.HC1(),
        "HC2" => fit.HC2(),
        "HC3" => fit.HC3(),
        "CR0" => fit.CR0(clusters),
        "stata" => fit.CR1(clusters),
        "CR2" => fit.CR2(clusters),
        _ => throw new ArgumentOutOfRangeException(nameof(seType), seType, null),
    };
}
