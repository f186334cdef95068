using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis;

/// <summary>
/// Estimates one contrast on one outcome with the estimator an analysis declares. Every failure of the
/// data (an empty group, a constant outcome…) becomes a French reason in the result, never an exception.
/// </summary>
internal static class ContrastEstimators
{
    public static ContrastEstimate Estimate(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec, Indicator indicator, ContrastSpec contrast)
    {
        var column = dataset.Outcome(indicator.Code, spec.WaveCode);
        var focal = ProtocolAnalysis.Sample(dataset, column, contrast.FocalCode);
        var comparison = ProtocolAnalysis.Sample(dataset, column, contrast.ComparisonCode);
        var focalMean = Mean(focal);
        var comparisonMean = Mean(comparison);
        try
        {
            var effect = spec.Estimator switch
            {
                _ => MeanContrasts.Welch(focal, comparison, spec.ConfidenceLevel).Difference,
            };
            return new ContrastEstimate(indicator.Code, contrast.FocalCode, contrast.ComparisonCode, focal.Count - focal.MissingCount, comparison.Count - comparison.MissingCount,
                focalMean, comparisonMean, EffectScale.Difference, effect, null, null);
        }
        catch (StatisticsException e)
        {
            return new ContrastEstimate(indicator.Code, contrast.FocalCode, contrast.ComparisonCode, focal.Count - focal.MissingCount, comparison.Count - comparison.MissingCount,
                focalMean, comparisonMean, EffectScale.Difference, null, null, e.Message);
        }
    }

    public static string Describe(Protocol protocol, AnalysisSpec spec) => spec.Estimator switch
    {
        _ => "Différence de moyennes, erreur-type de Welch",
    };

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
