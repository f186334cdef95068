using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// Estimates the contrasts of one outcome with the estimator an analysis declares: one model on every group of the
/// contrasts (joint, the default for models) or one fit per contrast (pairwise, and always for two-sample statistics).
/// Every failure of the data (an empty group, a constant outcome, separation…) becomes a French reason in the result,
/// never an exception.
/// </summary>
internal static class ContrastEstimator
{
    /// <summary>One estimate per contrast of <paramref name="spec"/>, in its order.</summary>
    public static ImmutableArray<ContrastEstimate> Estimate(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec, Indicator indicator,
        PropensityWeighting? weighting)
    {
        var fits = new Dictionary<string, (ContrastFit? Fit, ImmutableArray<Estimate> Thresholds, string? Failure)>(StringComparer.Ordinal);
        var focal = protocol.FocalGroup.Code;
        var comparisons = spec.Contrasts.Select(c => c.ComparisonCode).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (spec.IsJoint)
        {
            var data = EstimationData.Select(protocol, dataset, spec, indicator, focal, comparisons);
            var present = data.PresentComparisons;
            var failure = !data.Group.Contains(focal) ? NoValue(focal) : present.IsEmpty ? NoValue(comparisons[0]) : null;
            if (failure is null && present.Length < comparisons.Length) data = EstimationData.Select(protocol, dataset, spec, indicator, focal, present);
            Collect(failure is null ? () => Fit(data, weighting) : null, failure, present, fits);
            foreach (var absent in comparisons.Where(c => !present.Contains(c))) fits.TryAdd(absent, (null, [], failure ?? NoValue(absent)));
        }
        else
        {
            foreach (var comparison in comparisons)
            {
                var data = EstimationData.Select(protocol, dataset, spec, indicator, focal, [comparison]);
                var failure = !data.Group.Contains(focal) ? NoValue(focal) : !data.Group.Contains(comparison) ? NoValue(comparison) : null;
                Collect(failure is null ? () => spec.Estimator.IsTwoSample() ? ModelFit.Single(TwoSample(data, comparison)) : Fit(data, weighting) : null,
                    failure, [comparison], fits);
            }
        }

        var rows = EstimationData.Select(protocol, dataset, spec, indicator, focal, comparisons);
        var scale = Scale(spec.Estimator);
        return [.. spec.Contrasts.Select(contrast =>
        {
            var focalSample = rows.Sample(contrast.FocalCode);
            var comparisonSample = rows.Sample(contrast.ComparisonCode);
            var (fit, thresholds, failure) = fits[contrast.ComparisonCode];
            var result = new ContrastEstimate(indicator.Code, contrast.FocalCode, contrast.ComparisonCode, focalSample.Count, comparisonSample.Count,
                Mean(focalSample), Mean(comparisonSample), scale, fit?.Effect, null, failure);
            if (fit is null) return result;
            return result with
            {
                Variance = fit.Variance, Clusters = fit.Clusters, Thresholds = thresholds,
                EValue = Sensitivity(indicator, scale, fit.Effect, focalSample, comparisonSample),
            };
        })];
    }

    private static void Collect(Func<ModelFit>? fit, string? failure, ImmutableArray<string> comparisons,
        Dictionary<string, (ContrastFit?, ImmutableArray<Estimate>, string?)> into)
    {
        if (fit is null)
        {
            foreach (var c in comparisons) into[c] = (null, [], failure);
            return;
        }
        try
        {
            var model = fit();
            foreach (var contrast in model.Contrasts) into[contrast.Comparison] = (contrast, model.Thresholds, null);
            foreach (var c in comparisons.Where(c => !into.ContainsKey(c))) into[c] = (null, [], NoValue(c));
        }
        catch (StatisticsException e)
        {
            foreach (var c in comparisons) into[c] = (null, [], e.Message);
        }
    }

    private static string NoValue(string group) => $"Aucune valeur pour le groupe « {group} » à cette vague.";

    private static ModelFit Fit(EstimationData data, PropensityWeighting? weighting) => data.Spec.Estimator switch
    {
        Estimator.Ancova => LinearContrast.Ancova(data),
        Estimator.Lin => LinearContrast.Lin(data),
        Estimator.DifferenceInDifferences or Estimator.PairedChange => LinearContrast.ChangeScore(data),
        Estimator.OrderedLogit => OddsRatioContrast.OrderedLogit(data),
        Estimator.Logistic => OddsRatioContrast.Logistic(data),
        Estimator.Weighting => weighting!.Estimate(data),
        Estimator.ClusterBootstrap => LinearContrast.Bootstrap(data),
        _ => throw new ArgumentOutOfRangeException(nameof(data), data.Spec.Estimator, "not a model estimator"),
    };

    private static ContrastFit TwoSample(EstimationData data, string comparison) => data.Spec.Estimator switch
    {
        Estimator.DifferenceInMeans => TwoSampleContrast.Welch(data, comparison),
        Estimator.Wilcoxon => TwoSampleContrast.Wilcoxon(data, comparison),
        Estimator.BrunnerMunzel => TwoSampleContrast.BrunnerMunzel(data, comparison),
        Estimator.RiskDifference => TwoSampleContrast.RiskDifference(data, comparison),
        Estimator.RiskRatio => TwoSampleContrast.RiskRatio(data, comparison),
        _ => throw new ArgumentOutOfRangeException(nameof(data), data.Spec.Estimator, "not a two-sample estimator"),
    };

    /// <summary>What the effect of an estimator measures.</summary>
    public static EffectScale Scale(Estimator estimator) => estimator switch
    {
        Estimator.OrderedLogit or Estimator.Logistic => EffectScale.OddsRatio,
        Estimator.RiskRatio => EffectScale.RiskRatio,
        Estimator.Wilcoxon or Estimator.BrunnerMunzel => EffectScale.ProbabilityOfSuperiority,
        _ => EffectScale.Difference,
    };

    /// <summary>
    /// The E-value of an estimate (VanderWeele and Ding 2017): risk ratios as they are; odds ratios as risk ratios for a rare
    /// binary outcome, through their square root for a common one and for ordinal ratings; differences of a numeric or
    /// ordinal outcome standardised by the pooled standard deviation of the two groups (RR ≈ exp(0.91 d)). None for a
    /// difference of proportions, a probability of superiority, or an estimate without a finite interval.
    /// </summary>
    private static EValue? Sensitivity(Indicator indicator, EffectScale scale, Estimate effect, GroupSample focal, GroupSample comparison)
    {
        if (!effect.IsEstimable) return null;
        var lower = effect.Interval.Lower;
        var upper = effect.Interval.Upper;
        try
        {
            switch (scale)
            {
                case EffectScale.RiskRatio:
                    return EValues.ForRiskRatio(effect.Value, lower, upper);
                case EffectScale.OddsRatio:
                    var prevalence = indicator.Scale.Type == ValueType.Binary ? Pooled(focal, comparison).Mean : 0.5;
                    return EValues.ForOddsRatio(effect.Value, lower, upper, prevalence);
                case EffectScale.Difference when indicator.Scale.Type != ValueType.Binary:
                    var sd = Pooled(focal, comparison).Sd;
                    if (!(sd > 0) || !(effect.StandardError > 0)) return null;
                    return EValues.ForStandardisedDifference(effect.Value / sd, effect.StandardError / sd, effect.Interval.Level);
                default:
                    return null;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Mean of both groups together and the pooled within-group standard deviation.</summary>
    private static (double Mean, double Sd) Pooled(GroupSample focal, GroupSample comparison)
    {
        double sum = 0, squares = 0;
        int n = 0, groups = 0;
        foreach (var sample in new[] { focal, comparison })
        {
            var values = sample.Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length == 0) continue;
            groups++;
            var mean = values.Average();
            sum += values.Sum();
            squares += values.Sum(v => (v - mean) * (v - mean));
            n += values.Length;
        }
        return (n == 0 ? double.NaN : sum / n, n - groups > 0 ? Math.Sqrt(squares / (n - groups)) : double.NaN);
    }

    private static double Mean(GroupSample sample)
    {
        double sum = 0;
        var n = 0;
        foreach (var value in sample.Values.Span)
        {
            if (double.IsNaN(value)) continue;
            sum += value;
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
