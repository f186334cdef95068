using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// Covariate-adjusted linear estimators of a contrast: ANCOVA (outcome on the group, the outcome's baseline
/// value and covariates), Lin's interacted estimator, and difference-in-differences on change scores. The
/// variance is cluster-robust CR2 with Bell–McCaffrey degrees of freedom when the protocol has a clustering
/// unit (estimatr's <c>lm_robust(se_type = "CR2", clusters = school)</c>, the small-sample choice for 8 schools),
/// HC2 otherwise (estimatr's default).
/// </summary>
internal static class LinearContrast
{
    public static Estimate Ancova(ContrastData data, ReadOnlySpan<double> weights = default)
    {
        var builder = new DesignMatrixBuilder(data.Count);
        builder.AddFactor("groupe", data.Group, data.Contrast.ComparisonCode);
        data.AddAdjustment(builder);
        var fit = weights.IsEmpty ? LinearModel.Ols(data.Outcome, builder.Build()) : LinearModel.Wls(data.Outcome, builder.Build(), weights);
        return Effect(data, fit);
    }

    public static Estimate Lin(ContrastData data)
    {
        var covariates = data.AdjustmentPredictors();
        if (covariates.Count == 0) return Ancova(data);
        var model = CovariateAdjustment.Lin(data.Outcome, data.Group, data.Contrast.ComparisonCode, covariates);
        return Effect(data, model.Fit);
    }

    public static Estimate ChangeScore(ContrastData data)
    {
        var change = new double[data.Count];
        for (var i = 0; i < data.Count; i++) change[i] = data.Outcome[i] - data.Baseline![i];
        var builder = new DesignMatrixBuilder(data.Count);
        builder.AddFactor("groupe", data.Group, data.Contrast.ComparisonCode);
        foreach (var (covariate, values) in data.Covariates) builder.AddNumeric(covariate.Code, values);
        return Effect(data, LinearModel.Ols(change, builder.Build()));
    }

    public static string Variance(ContrastData data) => data.Clustered ? "CR2" : "HC2";

    private static Estimate Effect(ContrastData data, LinearModelFit fit)
    {
        var table = data.Clustered ? fit.CR2(data.Cluster, data.Spec.ConfidenceLevel) : fit.HC2(data.Spec.ConfidenceLevel);
        var effect = table.Term($"groupe[{data.Contrast.FocalCode}]");
        return effect.Warnings.IsDefaultOrEmpty && !table.Warnings.IsDefaultOrEmpty ? effect with { Warnings = table.Warnings } : effect;
    }
}
