using System.Collections.Immutable;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// Covariate-adjusted linear estimators: ANCOVA (outcome on the group, the outcome's baseline value and covariates), Lin's
/// interacted estimator, difference-in-differences on change scores, and the cluster bootstrap of the ANCOVA. The group
/// is a factor with the focal group as reference, so that a fit on several comparison groups (joint model) is
/// <c>lm_robust(y ~ group + covariates)</c> and each contrast is one coefficient with its sign reversed. The variance is
/// the analysis's choice (<see cref="AnalysisSpec.Variance"/>, <see cref="AnalysisSpec.DegreesOfFreedom"/>): by default
/// CR2 with Bell–McCaffrey df when the protocol has a clustering unit (estimatr's <c>se_type = "CR2"</c>, the
/// small-sample choice for 8 schools), HC2 otherwise (estimatr's default).
/// </summary>
internal static class LinearContrast
{
    public static ModelFit Ancova(EstimationData data)
    {
        var builder = new DesignMatrixBuilder(data.Count);
        data.AddGroup(builder);
        data.AddAdjustment(builder);
        return Effects(data, LinearModel.Ols(data.Outcome, builder.Build()), EstimationData.GroupCoefficient);
    }

    public static ModelFit Lin(EstimationData data)
    {
        var covariates = data.AdjustmentPredictors();
        if (covariates.Count == 0) return Ancova(data);
        var model = CovariateAdjustment.Lin(data.Outcome, data.Group, data.Focal, covariates);
        return Effects(data, model.Fit, c => $"group[{c}]");
    }

    public static ModelFit ChangeScore(EstimationData data)
    {
        var change = new double[data.Count];
        for (var i = 0; i < data.Count; i++) change[i] = data.Outcome[i] - data.Baseline![i];
        var builder = new DesignMatrixBuilder(data.Count);
        data.AddGroup(builder);
        foreach (var (covariate, values) in data.Covariates) builder.AddNumeric(covariate.Code, values);
        return Effects(data, LinearModel.Ols(change, builder.Build()), EstimationData.GroupCoefficient);
    }

    /// <summary>Weighted least squares of <paramref name="outcome"/> on the group alone (the comparison of a weighting analysis).</summary>
    public static ModelFit Weighted(EstimationData data, double[] outcome, double[] weights)
    {
        var builder = new DesignMatrixBuilder(data.Count);
        data.AddGroup(builder);
        return Effects(data, LinearModel.Wls(outcome, builder.Build(), weights), EstimationData.GroupCoefficient);
    }

    /// <summary>
    /// The ANCOVA's coefficients with a cluster (pairs) bootstrap: whole clusters resampled, percentile interval and z test
    /// on the bootstrap SE, the same seed for every contrast (the same resamples).
    /// </summary>
    public static ModelFit Bootstrap(EstimationData data)
    {
        var builder = new DesignMatrixBuilder(data.Count);
        data.AddGroup(builder);
        data.AddAdjustment(builder);
        var fit = LinearModel.Ols(data.Outcome, builder.Build());
        var used = fit.UsedRows.ToArray();
        var clusters = used.Select(r => data.Cluster[r]).ToArray();
        var contrasts = ImmutableArray.CreateBuilder<ContrastFit>();
        foreach (var comparison in data.PresentComparisons)
        {
            var index = fit.Terms.IndexOf(EstimationData.GroupCoefficient(comparison));
            var refitter = fit.CreateRefitter();
            var coefficients = new double[fit.Terms.Length];
            var result = ClusterBootstrap.Percentile(clusters,
                rows => refitter.TryRefitRows(rows, coefficients) ? -coefficients[index] : double.NaN,
                data.Spec.Bootstrap.Seed, data.Spec.Bootstrap.Replications, data.Spec.ConfidenceLevel, data.ContrastTerm(comparison));
            var effect = result.Estimate;
            if (!fit.Warnings.IsDefaultOrEmpty) effect = effect with { Warnings = effect.Warnings.AddRange(fit.Warnings) };
            contrasts.Add(new ContrastFit(comparison, effect, "bootstrap", result.Clusters));
        }
        return new ModelFit(contrasts.ToImmutable(), []);
    }

    /// <summary>The contrasts of a fit: each comparison's coefficient, sign reversed, under the analysis's variance.</summary>
    private static ModelFit Effects(EstimationData data, LinearModelFit fit, Func<string, string> coefficient)
    {
        var (table, variance) = Table(data, fit);
        var contrasts = ImmutableArray.CreateBuilder<ContrastFit>();
        foreach (var comparison in data.PresentComparisons)
        {
            var effect = Reversed(table.Term(coefficient(comparison)), data.ContrastTerm(comparison));
            if (effect.Warnings.IsDefaultOrEmpty && !table.Warnings.IsDefaultOrEmpty) effect = effect with { Warnings = table.Warnings };
            contrasts.Add(new ContrastFit(comparison, effect, variance, table.ClusterCount));
        }
        return new ModelFit(contrasts.ToImmutable(), []);
    }

    /// <summary>
    /// The regression table under the analysis's variance and df. A cluster-robust choice on rows spanning fewer than two
    /// clusters falls back to HC2, as estimators always did.
    /// </summary>
    internal static (RegressionTable Table, string Variance) Table(EstimationData data, LinearModelFit fit)
    {
        var level = data.Spec.ConfidenceLevel;
        var wanted = data.Spec.Variance ?? (data.Clustered ? VarianceChoice.CR2 : VarianceChoice.HC2);
        if (wanted.IsClusterRobust() && !data.Clustered) wanted = VarianceChoice.HC2;
        var word = Vocabulary.WordFor(Vocabulary.Variances, wanted);
        if (wanted.IsClusterRobust())
        {
            var rule = data.Spec.DegreesOfFreedom is DegreesOfFreedomRule.ClustersMinusOne
                       || (data.Spec.DegreesOfFreedom is null && wanted != VarianceChoice.CR2)
                ? ClusterDegreesOfFreedom.ClustersMinusOne
                : ClusterDegreesOfFreedom.Satterthwaite;
            return (fit.ClusterRobust(data.Cluster, Estimator(wanted), rule, level), word);
        }
        return (fit.Heteroskedastic(Estimator(wanted), level), word);
    }

    private static VarianceEstimator Estimator(VarianceChoice choice) => choice switch
    {
        VarianceChoice.CR2 => VarianceEstimator.CR2,
        VarianceChoice.CR1 => VarianceEstimator.CR1,
        VarianceChoice.CR0 => VarianceEstimator.CR0,
        VarianceChoice.HC2 => VarianceEstimator.HC2,
        VarianceChoice.HC1 => VarianceEstimator.HC1,
        VarianceChoice.HC0 => VarianceEstimator.HC0,
        _ => VarianceEstimator.Classical,
    };

    /// <summary>
    /// Focal minus comparison from the coefficient of the comparison against the focal group: value and statistic negated,
    /// interval mirrored; standard error, df and p-value unchanged (exactly: no rounding is involved).
    /// </summary>
    internal static Estimate Reversed(Estimate coefficient, string term) => coefficient with
    {
        Term = term,
        Value = -coefficient.Value,
        Statistic = -coefficient.Statistic,
        Interval = new ConfidenceInterval(-coefficient.Interval.Upper, -coefficient.Interval.Lower, coefficient.Interval.Level),
    };
}
