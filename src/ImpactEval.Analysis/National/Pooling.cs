using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.National;

/// <summary>How the between-cité variance of a pooled contrast is estimated.</summary>
public enum PoolingMethod
{
    /// <summary>Restricted maximum likelihood (metafor's default, <c>method = "REML"</c>).</summary>
    RestrictedMaximumLikelihood,
    /// <summary>DerSimonian and Laird's moment estimator (<c>method = "DL"</c>).</summary>
    DerSimonianLaird,
}

/// <summary>One cité's published estimate of the pooled contrast.</summary>
/// <param name="Territory">The cité's code.</param>
/// <param name="Name">The cité's name.</param>
/// <param name="Protocol">The protocol the estimate comes from.</param>
/// <param name="Contrast">The contrast as the cité's results hold it.</param>
public sealed record CiteEstimate(string Territory, string Name, string Protocol, ContrastEstimate Contrast);

/// <summary>A contrast pooled across cités with random effects.</summary>
/// <param name="Analysis">Analysis code shared by the cités' protocols.</param>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Comparison">Comparison group code (against the focal group).</param>
/// <param name="Scale">What the effects measure (ratios are pooled on the log scale and reported as ratios).</param>
/// <param name="Method">The τ² estimator.</param>
/// <param name="Included">The cités pooled, in the order of <see cref="MetaAnalysisResult.Weights"/>.</param>
/// <param name="BelowThreshold">Cités left out because a group of the contrast is below the secrecy threshold (their estimate is not published).</param>
/// <param name="NotEstimated">Cités left out because their contrast could not be estimated.</param>
/// <param name="Result">The random-effects meta-analysis (τ², I², Q, prediction interval, weights).</param>
public sealed record PooledContrast(
    string Analysis, string Indicator, string Comparison, EffectScale Scale, PoolingMethod Method,
    ImmutableArray<CiteEstimate> Included, int BelowThreshold, int NotEstimated, MetaAnalysisResult Result);

/// <summary>
/// Pools one contrast across cités (pure): published estimates only — a cité whose contrast has a group below the
/// statistical-secrecy threshold is excluded and counted, never shown — then a random-effects meta-analysis, REML with
/// the Knapp–Hartung adjustment by default (<c>metafor::rma(method = "REML", test = "knha")</c>), DerSimonian–Laird as an
/// option; differences and probabilities of superiority pooled as they are, odds and risk ratios on the log scale with
/// the standard error of their interval.
/// </summary>
public static class Pooling
{
    /// <summary>Pools the estimates of the cités.</summary>
    /// <param name="analysis">The analysis code the cités' protocols share.</param>
    /// <param name="cites">One estimate per cité (same analysis, indicator and contrast).</param>
    /// <param name="threshold">Smallest publishable count (5 by default in reports).</param>
    /// <param name="method">τ² estimator.</param>
    /// <param name="test">Inference for the pooled effect (Knapp–Hartung by default).</param>
    /// <param name="level">Confidence level.</param>
    /// <exception cref="StatisticsException">Fewer than two published estimates, or estimates on different scales (French message).</exception>
    public static PooledContrast Pool(string analysis, IReadOnlyList<CiteEstimate> cites, int threshold, PoolingMethod method = PoolingMethod.RestrictedMaximumLikelihood,
        MetaAnalysisTest test = MetaAnalysisTest.KnappHartung, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(cites);
        if (cites.Count == 0) throw new StatisticsException("Aucune cité ne publie cette comparaison : rien à regrouper.");
        var first = cites[0].Contrast;
        var published = cites.Where(c => c.Contrast.FocalN >= threshold && c.Contrast.ComparisonN >= threshold).ToList();
        // A ratio is pooled from its interval (log scale), a difference from its standard error.
        var included = published.Where(c => c.Contrast.Effect is { IsEstimable: true } e
            && (c.Contrast.Scale.IsRatio() ? e.Interval.Lower > 0 && double.IsFinite(e.Interval.Upper) : e.StandardError > 0)).ToImmutableArray();
        var scales = included.Select(c => c.Contrast.Scale).Distinct().ToList();
        if (scales.Count > 1)
            throw new StatisticsException("Les cités n’estiment pas cette comparaison sur la même échelle (écart, rapport…) : leurs résultats ne peuvent pas être regroupés.");
        var scale = scales.Count == 1 ? scales[0] : first.Scale;
        if (included.Length < 2)
        {
            var who = included.Length == 0 ? "Aucune cité ne publie d’estimation" : "Une seule cité publie une estimation";
            throw new StatisticsException($"{who} de cette comparaison ({cites.Count - published.Count} sous le seuil du secret statistique)\u202F: un regroupement en demande au moins deux.");
        }
        var estimates = included.Select(c => c.Contrast.Effect!).ToList();
        var result = (scale.IsRatio(), method) switch
        {
            (true, PoolingMethod.DerSimonianLaird) => MetaAnalysis.DerSimonianLairdOfRatios(estimates, test, level),
            (true, _) => MetaAnalysis.RestrictedMaximumLikelihoodOfRatios(estimates, test, level),
            (false, PoolingMethod.DerSimonianLaird) => MetaAnalysis.DerSimonianLaird(estimates, test, level),
            _ => MetaAnalysis.RestrictedMaximumLikelihood(estimates, test, level),
        };
        return new PooledContrast(analysis, first.Indicator, first.Comparison, scale, method, included,
            cites.Count - published.Count, published.Count - included.Length, result);
    }
}
