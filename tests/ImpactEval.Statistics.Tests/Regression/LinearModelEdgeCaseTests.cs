using Xunit;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>
/// Edge cases of the linear model: too few observations, constant or perfectly fitted outcome, all
/// rows missing, bad weights, collinear columns, and the design builder's coding. Expected behaviour is
/// a clear French StatisticsException (or an NA term with a French warning, as R prints NA), never a
/// silent NaN.
/// </summary>
public class LinearModelEdgeCaseTests
{
    private static DesignMatrix Design(params (string Name, double[] Values)[] columns)
    {
        var b = new DesignMatrixBuilder(columns[0].Values.Length);
        foreach (var (name, values) in columns) b.AddNumeric(name, values);
        return b.Build();
    }

    [Fact]
    public void Ols_AsManyObservationsAsCoefficients_ThrowsNoResidualDegreesOfFreedom()
    {
        // Three families, three parameters: the line passes through every point, nothing is left for a variance.
        var design = Design(("x1", [1, 2, 4]), ("x2", [0, 1, 0]));
        var ex = Assert.Throws<StatisticsException>(() => LinearModel.Ols([1.0, 3.0, 2.0], design));
        Assert.Contains("Trop peu d'observations (3)", ex.Message);
    }

    [Fact]
    public void Ols_FewerObservationsThanColumns_ThrowsInsteadOfCrashing()
    {
        // n = 3 < p = 5: the pivoted QR keeps at most 3 columns, which still leaves no residual df.
        var design = Design(("a", [1, 2, 3]), ("b", [0, 1, 5]), ("c", [2, 2, 7]), ("d", [1, 0, 0]));
        Assert.Throws<StatisticsException>(() => LinearModel.Ols([1.0, 2.0, 4.0], design));
    }

    [Fact]
    public void Ols_ConstantOutcome_ThrowsFrenchReason()
    {
        // Every pupil scored 10: no variation to explain.
        var design = Design(("x", [1, 2, 3, 4, 5]));
        var ex = Assert.Throws<StatisticsException>(() => LinearModel.Ols([10.0, 10, 10, 10, 10], design));
        Assert.Contains("constante", ex.Message);
    }

    [Fact]
    public void Ols_PerfectFit_ThrowsInsteadOfZeroStandardErrors()
    {
        var design = Design(("x", [1, 2, 3, 4, 5]));
        var ex = Assert.Throws<StatisticsException>(() => LinearModel.Ols([3.0, 5, 7, 9, 11], design));
        Assert.Contains("résidus nuls", ex.Message);
    }

    [Fact]
    public void Ols_AllRowsMissing_ThrowsFrenchReason()
    {
        var design = Design(("x", [1, double.NaN, 3]));
        var ex = Assert.Throws<StatisticsException>(() => LinearModel.Ols([double.NaN, 2.0, double.NaN], design));
        Assert.Contains("Aucune observation complète", ex.Message);
    }

    [Fact]
    public void Ols_MissingValues_RowsDroppedAndCounted()
    {
        // Rows 1 (outcome) and 3 (covariate) are missing: 5 of 7 rows are used, as na.omit would.
        double[] y = [1.2, double.NaN, 2.9, 4.1, 5.2, 5.8, 7.4];
        var design = Design(("x", [1, 2, 3, double.NaN, 5, 6, 7]));
        var fit = LinearModel.Ols(y, design);
        Assert.Equal(5, fit.N);
        Assert.Equal([0, 2, 4, 5, 6], fit.UsedRows.ToArray());
        Assert.Equal(5, fit.HC2().Estimates[1].N);
    }

    [Fact]
    public void Wls_NonPositiveWeight_ThrowsFrenchReason()
    {
        var design = Design(("x", [1, 2, 3, 4]));
        var ex = Assert.Throws<StatisticsException>(() => LinearModel.Wls([1.0, 2.5, 2.9, 4.4], design, [1, 0, 1, 1]));
        Assert.Contains("strictement positifs", ex.Message);
    }

    [Fact]
    public void Ols_DuplicatedColumn_ReportsNaWithFrenchWarning()
    {
        // "age_annees" is "age_mois"/12: one of them cannot be estimated. estimatr keeps the column of
        // larger norm (months) and reports NA for the other.
        double[] months = [30, 34, 31, 40, 36, 33, 38];
        var design = Design(("age_mois", months), ("age_annees", [.. months.Select(m => m / 12)]));
        double[] y = [2.1, 2.9, 2.2, 3.8, 3.1, 2.7, 3.9];
        var table = LinearModel.Ols(y, design).HC2();
        var years = table.Term("age_annees");
        Assert.False(years.IsEstimable);
        Assert.True(double.IsNaN(years.StandardError));
        Assert.Contains("« age_annees » est colinéaire", Assert.Single(years.Warnings));
        Assert.True(table.Term("age_mois").IsEstimable);
        Assert.Single(table.Warnings);
    }

    [Fact]
    public void DesignMatrixBuilder_Factor_TreatmentCodingWithChosenReference()
    {
        string?[] g = ["TEM", "BEN", null, "AUT", "BEN"];
        var design = new DesignMatrixBuilder(5).AddFactor("groupe", g, "TEM").Build();
        Assert.Equal(["(Intercept)", "groupe[AUT]", "groupe[BEN]"], design.Terms.ToArray());
        Assert.Equal([0, 1, double.NaN, 0, 1], design.Column(2).ToArray());
        Assert.Equal([0, 0, double.NaN, 1, 0], design.Column(1).ToArray());
        // Default reference: the first level in ordinal order (R's default for sorted levels).
        var byDefault = new DesignMatrixBuilder(5).AddFactor("groupe", g).Build();
        Assert.Equal(["(Intercept)", "groupe[BEN]", "groupe[TEM]"], byDefault.Terms.ToArray());
    }

    [Fact]
    public void DesignMatrixBuilder_UnknownReferenceOrWrongLength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new DesignMatrixBuilder(2).AddFactor("g", ["a", "b"], "c"));
        Assert.Throws<ArgumentException>(() => new DesignMatrixBuilder(3).AddNumeric("x", [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => new DesignMatrixBuilder(2).AddNumeric("x", [1.0, 2.0]).AddNumeric("x", [1.0, 2.0]));
        Assert.Throws<StatisticsException>(() => new DesignMatrixBuilder(2).AddFactor("g", [null, null]));
    }
}
