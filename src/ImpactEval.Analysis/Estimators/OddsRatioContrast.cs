using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// Odds-ratio estimators of a contrast: the proportional-odds (ordered logit) model for ordinal ratings, as
/// <c>MASS::polr</c> / <c>ordinal::clm</c>, and logistic regression for binary outcomes, as <c>glm(binomial)</c>,
/// each adjusted for the analysis covariates. The odds ratio of the focal group is reported with its Wald
/// interval: with a clustering unit (schools), CR1 cluster-robust standard errors and Student's t with G − 1 degrees
/// of freedom (<c>sandwich::vcovCL(type = "HC1")</c>); without one, the model's standard errors.
/// </summary>
internal static class OddsRatioContrast
{
    public static Estimate OrderedLogit(ContrastData data)
    {
        var levels = data.Indicator.Scale.EffectiveLevels;
        var outcome = data.Outcome.Select(v => levels.IndexOf(levels.First(l => l.Value == v))).ToArray();
        var predictors = new List<Predictor> { new("groupe", data.FocalIndicator()) };
        predictors.AddRange(data.AdjustmentPredictors());
        var fit = Statistics.OrderedLogit.Fit(outcome, [.. levels.Select(l => l.Label)], predictors, level: data.Spec.ConfidenceLevel,
            clusters: data.Clustered ? data.Cluster : default);
        return Named(data.Clustered ? fit.ClusterRobustOddsRatios[0] : fit.OddsRatios[0], data, fit.Warnings);
    }

    public static Estimate Logistic(ContrastData data)
    {
        var predictors = new List<Predictor> { new("groupe", data.FocalIndicator()) };
        predictors.AddRange(data.AdjustmentPredictors());
        var fit = LogisticRegression.Fit(data.Outcome, predictors, level: data.Spec.ConfidenceLevel, clusters: data.Clustered ? data.Cluster : default);
        var oddsRatio = (data.Clustered ? fit.ClusterRobustOddsRatios : fit.OddsRatios).First(e => e.Term == "groupe");
        return Named(oddsRatio, data, fit.Warnings);
    }

    private static Estimate Named(Estimate estimate, ContrastData data, ImmutableArray<string> warnings) =>
        estimate with { Term = $"groupe[{data.Contrast.FocalCode}]", Warnings = warnings.IsDefaultOrEmpty ? estimate.Warnings : estimate.Warnings.AddRange(warnings) };
}
