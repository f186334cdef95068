using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// The rows of one contrast (focal and one comparison group) for one outcome, with everything an estimator may
/// need: outcome, focal indicator, cluster index, baseline value of the outcome and covariates. Rows with a missing
/// outcome are already removed; covariates may still hold NaN (model estimators drop those rows and report it).
/// </summary>
internal sealed record ContrastData(
    Protocol Protocol,
    AnalysisSpec Spec,
    Indicator Indicator,
    ContrastSpec Contrast,
    ImmutableArray<int> Rows,
    double[] Outcome,
    string[] Group,
    int[] Cluster,
    int ClusterCount,
    double[]? Baseline,
    ImmutableArray<(Covariate Covariate, double[] Values)> Covariates)
{
    /// <summary>Selects the rows of a contrast with an observed outcome.</summary>
    public static ContrastData Select(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec, Indicator indicator, ContrastSpec contrast)
    {
        var outcome = dataset.Outcome(indicator.Code, spec.WaveCode);
        var baseline = spec.BaselineWaveCode is null ? (ImmutableArray<double>?)null : dataset.Outcome(indicator.Code, spec.BaselineWaveCode);
        var rows = new List<int>();
        for (var i = 0; i < dataset.Count; i++)
            if ((dataset.Groups[i] == contrast.FocalCode || dataset.Groups[i] == contrast.ComparisonCode) && !double.IsNaN(outcome[i])) rows.Add(i);
        var clusterIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusters = new int[rows.Count];
        for (var k = 0; k < rows.Count; k++)
        {
            var code = dataset.Clusters[rows[k]] ?? "";
            if (!clusterIndex.TryGetValue(code, out var index)) clusterIndex[code] = index = clusterIndex.Count;
            clusters[k] = index;
        }
        double[] Pick(ImmutableArray<double> column) => [.. rows.Select(r => column[r])];
        var covariates = spec.CovariateCodes.Select(code => (protocol.FindCovariate(code)!, Pick(dataset.Covariates[code]))).ToImmutableArray();
        return new ContrastData(protocol, spec, indicator, contrast, [.. rows], Pick(outcome), [.. rows.Select(r => dataset.Groups[r])],
            clusters, clusterIndex.Count, baseline is { } b ? Pick(b) : null, covariates);
    }

    /// <summary>Number of rows.</summary>
    public int Count => Rows.Length;

    /// <summary>Whether cluster-robust errors apply: the protocol declares a clustering unit and the rows span at least two.</summary>
    public bool Clustered => Protocol.Cluster is not null && ClusterCount >= 2;

    /// <summary>Values of one group, for two-sample statistics.</summary>
    public GroupSample Sample(string group) =>
        new(group, Outcome.Where((_, i) => Group[i] == group).ToArray());

    /// <summary>Adds the adjustment terms (baseline outcome, covariates) to a linear design.</summary>
    public void AddAdjustment(DesignMatrixBuilder builder)
    {
        if (Baseline is not null) builder.AddNumeric($"{Indicator.Code}@{Spec.BaselineWaveCode}", Baseline);
        foreach (var (covariate, values) in Covariates)
        {
            if (covariate.Scale.Type == ValueType.Categorical)
                builder.AddFactor(covariate.Code, [.. values.Select(v => double.IsNaN(v) ? null : covariate.Scale.Label(v))]);
            else builder.AddNumeric(covariate.Code, values);
        }
    }

    /// <summary>The adjustment terms as model predictors (binary and numeric as is, categorical as indicators).</summary>
    public List<Predictor> AdjustmentPredictors()
    {
        var predictors = new List<Predictor>();
        if (Baseline is not null) predictors.Add(new Predictor($"{Indicator.Code}@{Spec.BaselineWaveCode}", Baseline));
        foreach (var (covariate, values) in Covariates)
        {
            if (covariate.Scale.Type != ValueType.Categorical) { predictors.Add(new Predictor(covariate.Code, values)); continue; }
            var levels = covariate.Scale.EffectiveLevels;
            var codes = values.Select(v => double.IsNaN(v) ? -1 : levels.IndexOf(levels.First(l => l.Value == v))).ToArray();
            predictors.AddRange(Predictor.Indicators(covariate.Code, codes, [.. levels.Select(l => l.Label)], 0));
        }
        return predictors;
    }

    /// <summary>1 for the focal group, 0 for the comparison group.</summary>
    public double[] FocalIndicator() => [.. Group.Select(g => g == Contrast.FocalCode ? 1.0 : 0.0)];
}
