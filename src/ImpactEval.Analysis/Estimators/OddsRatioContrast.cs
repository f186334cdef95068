using System.Collections.Immutable;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// Odds-ratio estimators: the proportional-odds (ordered logit) model for ordinal ratings, as <c>MASS::polr</c> /
/// <c>ordinal::clm</c>, and logistic regression for binary outcomes, as <c>glm(binomial)</c>, each adjusted for the
/// analysis's covariates, with one indicator per comparison group (the focal group as reference). The odds ratio of each
/// contrast (focal over comparison) is exp(−β) of its comparison group's coefficient, with the Wald interval of the
/// analysis's variance: by default, with a clustering unit, CR1 cluster-robust standard errors and Student's t with G − 1
/// degrees of freedom (<c>sandwich::vcovCL(type = "HC1")</c>); without one, the model's standard errors. CR0, HC1 and HC0
/// follow <see cref="SandwichEstimator"/>.
/// </summary>
internal static class OddsRatioContrast
{
    private const string OddsMethod = "Odds ratio exp(-b) of the comparison group's coefficient, Wald CI exponentiated";

    public static ModelFit OrderedLogit(EstimationData data)
    {
        var levels = data.Indicator.Scale.EffectiveLevels;
        var outcome = data.Outcome.Select(v => levels.IndexOf(levels.First(l => l.Value == v))).ToArray();
        var (sandwich, variance) = Sandwich(data);
        var fit = Statistics.OrderedLogit.Fit(outcome, [.. levels.Select(l => l.Label)], Predictors(data), level: data.Spec.ConfidenceLevel,
            clusters: sandwich is SandwichEstimator.CR0 or SandwichEstimator.CR1 ? data.Cluster : default, sandwich: sandwich);
        var coefficients = sandwich is null ? fit.Coefficients : fit.SandwichCoefficients;
        var thresholds = sandwich is null ? fit.Thresholds : fit.SandwichThresholds;
        return new ModelFit(Contrasts(data, coefficients, fit.Warnings, variance), thresholds);
    }

    public static ModelFit Logistic(EstimationData data)
    {
        var (sandwich, variance) = Sandwich(data);
        var fit = LogisticRegression.Fit(data.Outcome, Predictors(data), level: data.Spec.ConfidenceLevel,
            clusters: sandwich is SandwichEstimator.CR0 or SandwichEstimator.CR1 ? data.Cluster : default, sandwich: sandwich);
        return new ModelFit(Contrasts(data, sandwich is null ? fit.Coefficients : fit.SandwichCoefficients, fit.Warnings, variance), []);
    }

    private static List<Predictor> Predictors(EstimationData data)
    {
        var predictors = data.PresentComparisons.Select(c => new Predictor(EstimationData.GroupCoefficient(c), [.. data.Group.Select(g => g == c ? 1.0 : 0.0)])).ToList();
        predictors.AddRange(data.AdjustmentPredictors());
        return predictors;
    }

    private static ImmutableArray<ContrastFit> Contrasts(EstimationData data, ImmutableArray<Estimate> coefficients, ImmutableArray<string> warnings, string variance)
    {
        var contrasts = ImmutableArray.CreateBuilder<ContrastFit>();
        foreach (var comparison in data.PresentComparisons)
        {
            var coefficient = coefficients.First(e => e.Term == EstimationData.GroupCoefficient(comparison));
            var logOdds = LinearContrast.Reversed(coefficient, data.ContrastTerm(comparison));
            var odds = OddsRatio.FromLogOdds(logOdds, $"{OddsMethod}; {coefficient.Method}");
            if (!warnings.IsDefaultOrEmpty) odds = odds with { Warnings = odds.Warnings.AddRange(warnings) };
            var clusters = variance.StartsWith("CR", StringComparison.Ordinal) ? data.ClusterCount : (int?)null;
            contrasts.Add(new ContrastFit(comparison, odds, variance, clusters));
        }
        return contrasts.ToImmutable();
    }

    /// <summary>The sandwich of the analysis's variance (null for the model's own), falling back to it with fewer than two clusters.</summary>
    private static (SandwichEstimator? Sandwich, string Variance) Sandwich(EstimationData data)
    {
        var wanted = data.Spec.Variance ?? (data.Clustered ? VarianceChoice.CR1 : VarianceChoice.Classical);
        if (wanted.IsClusterRobust() && !data.Clustered) wanted = VarianceChoice.Classical;
        SandwichEstimator? sandwich = wanted switch
        {
            VarianceChoice.CR1 => SandwichEstimator.CR1,
            VarianceChoice.CR0 => SandwichEstimator.CR0,
            VarianceChoice.HC1 => SandwichEstimator.HC1,
            VarianceChoice.HC0 => SandwichEstimator.HC0,
            _ => null,
        };
        return (sandwich, Vocabulary.WordFor(Vocabulary.Variances, sandwich is null ? VarianceChoice.Classical : wanted));
    }
}
