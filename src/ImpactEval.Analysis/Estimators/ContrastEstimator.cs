using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// Estimates one contrast on one outcome with the estimator an analysis declares. Every failure of the data
/// (an empty group, a constant outcome, separation…) becomes a French reason in the result, never an exception.
/// </summary>
internal static class ContrastEstimator
{
    public static ContrastEstimate Estimate(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec, Indicator indicator, ContrastSpec contrast,
        PropensityWeighting? weighting)
    {
        var data = ContrastData.Select(protocol, dataset, spec, indicator, contrast);
        var focal = data.Sample(contrast.FocalCode);
        var comparison = data.Sample(contrast.ComparisonCode);
        var scale = spec.Estimator is Estimator.OrderedLogit or Estimator.Logistic ? EffectScale.OddsRatio : EffectScale.Difference;
        var result = new ContrastEstimate(indicator.Code, contrast.FocalCode, contrast.ComparisonCode, focal.Count, comparison.Count,
            Mean(focal), Mean(comparison), scale, null, null, null);
        try
        {
            if (focal.Count == 0 || comparison.Count == 0)
                throw new StatisticsException($"Aucune valeur pour le groupe « {(focal.Count == 0 ? contrast.FocalCode : contrast.ComparisonCode)} » à cette vague.");
            var effect = spec.Estimator switch
            {
                Estimator.DifferenceInMeans => MeanContrasts.Welch(focal, comparison, spec.ConfidenceLevel).Difference,
                Estimator.Ancova => LinearContrast.Ancova(data),
                Estimator.Lin => LinearContrast.Lin(data),
                Estimator.DifferenceInDifferences => LinearContrast.ChangeScore(data),
                Estimator.OrderedLogit => OddsRatioContrast.OrderedLogit(data),
                Estimator.Logistic => OddsRatioContrast.Logistic(data),
                Estimator.Weighting => weighting!.Estimate(data),
                _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Estimator, "unknown estimator"),
            };
            return result with { Effect = effect };
        }
        catch (StatisticsException e)
        {
            return result with { FailureReason = e.Message };
        }
    }

    /// <summary>A plain French description of the method of an analysis, for reports.</summary>
    public static string Describe(Protocol protocol, AnalysisSpec spec)
    {
        var clustered = protocol.Cluster is { } cluster ? $"erreurs-types robustes au regroupement par {cluster.Label.ToLowerInvariant()}" : null;
        var variance = clustered is null ? "erreurs-types robustes (HC2)" : $"{clustered} (CR2, degrés de liberté de Bell et McCaffrey)";
        var oddsVariance = clustered is null ? "erreurs-types du modèle" : $"{clustered} (CR1, loi de Student à G − 1 degrés de liberté pour G unités)";
        // The participle agrees with the method's noun: "régression … ajustée", "logit ordonné … ajusté".
        string Adjusted(string participle) => spec.CovariateCodes.IsEmpty && spec.BaselineWaveCode is null
            ? ""
            : $" {participle} sur " + string.Join(", ", (spec.BaselineWaveCode is null ? [] : new[] { $"la valeur à {spec.BaselineWaveCode}" })
                .Concat(spec.CovariateCodes.Select(c => protocol.FindCovariate(c)?.Label.ToLowerInvariant() ?? c)));
        return spec.Estimator switch
        {
            Estimator.DifferenceInMeans => "Différence des moyennes brutes, erreur-type de Welch",
            Estimator.Ancova => $"Régression linéaire (ANCOVA){Adjusted("ajustée")}, {variance}",
            Estimator.Lin => $"Régression linéaire de Lin (covariables centrées et croisées avec le groupe){Adjusted("ajustée")}, {variance}",
            Estimator.DifferenceInDifferences => $"Doubles différences (évolution entre {spec.BaselineWaveCode} et {spec.WaveCode}), {variance}",
            Estimator.OrderedLogit => $"Logit ordonné (cotes proportionnelles){Adjusted("ajusté")} ; rapport de cotes, {oddsVariance}",
            Estimator.Logistic => $"Régression logistique{Adjusted("ajustée")} ; rapport de cotes, {oddsVariance}",
            _ => $"Pondération par score de propension (ATT, modèle logistique multinomial sur {string.Join(", ", spec.CovariateCodes)}), puis régression pondérée, {variance}",
        };
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
