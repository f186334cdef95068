using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// The rows one estimator fits for one outcome: the focal group and the comparison groups of the fit (one for a pairwise
/// contrast, every comparison group of the analysis for a joint model), with everything an estimator may need: outcome,
/// group, cluster index, baseline value of the outcome and covariates. Rows with a missing outcome are already removed;
/// covariates may still hold NaN (model estimators drop those rows and report it).
/// </summary>
internal sealed record EstimationData(
    Protocol Protocol,
    AnalysisSpec Spec,
    Indicator Indicator,
    string Focal,
    ImmutableArray<string> Comparisons,
    ImmutableArray<int> Rows,
    double[] Outcome,
    string[] Group,
    int[] Cluster,
    int ClusterCount,
    double[]? Baseline,
    ImmutableArray<(Covariate Covariate, double[] Values)> Covariates)
{
    /// <summary>Selects the rows of the focal group and <paramref name="comparisons"/> with an observed outcome.</summary>
    public static EstimationData Select(Protocol protocol, AnalysisDataset dataset, AnalysisSpec spec, Indicator indicator, string focal,
        ImmutableArray<string> comparisons)
    {
        var outcome = dataset.Outcome(indicator.Code, spec.WaveCode);
        var baseline = spec.BaselineWaveCode is null ? (ImmutableArray<double>?)null : dataset.Outcome(indicator.Code, spec.BaselineWaveCode);
        var rows = new List<int>();
        for (var i = 0; i < dataset.Count; i++)
            if ((dataset.Groups[i] == focal || comparisons.Contains(dataset.Groups[i])) && !double.IsNaN(outcome[i])) rows.Add(i);
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
        return new EstimationData(protocol, spec, indicator, focal, comparisons, [.. rows], Pick(outcome), [.. rows.Select(r => dataset.Groups[r])],
            clusters, clusterIndex.Count, baseline is { } b ? Pick(b) : null, covariates);
    }

    /// <summary>Number of rows.</summary>
    public int Count => Rows.Length;

    /// <summary>Whether cluster-robust errors can apply: the protocol declares a clustering unit and the rows span at least two.</summary>
    public bool Clustered => Protocol.Cluster is not null && ClusterCount >= 2;

    /// <summary>Values of one group, for two-sample statistics.</summary>
    public GroupSample Sample(string group) =>
        new(group, Outcome.Where((_, i) => Group[i] == group).ToArray());

    /// <summary>The name of the baseline value of the outcome as a term ("COOP@T1").</summary>
    public string BaselineTerm => AnalysisDataset.Key(Indicator.Code, Spec.BaselineWaveCode ?? "");

    /// <summary>Adds the adjustment terms (baseline outcome, covariates) to a linear design.</summary>
    public void AddAdjustment(DesignMatrixBuilder builder)
    {
        if (Baseline is not null) builder.AddNumeric(BaselineTerm, Baseline);
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
        if (Baseline is not null) predictors.Add(new Predictor(BaselineTerm, Baseline));
        foreach (var (covariate, values) in Covariates)
        {
            if (covariate.Scale.Type != ValueType.Categorical) { predictors.Add(new Predictor(covariate.Code, values)); continue; }
            var levels = covariate.Scale.EffectiveLevels;
            var codes = values.Select(v => double.IsNaN(v) ? -1 : levels.IndexOf(levels.First(l => l.Value == v))).ToArray();
            predictors.AddRange(Predictor.Indicators(covariate.Code, codes, [.. levels.Select(l => l.Label)], 0));
        }
        return predictors;
    }

    /// <summary>The group as a treatment-coded factor with the focal group as reference: one term <c>groupe[g]</c> per comparison group present.</summary>
    public void AddGroup(DesignMatrixBuilder builder) => builder.AddFactor(GroupTerm, Group, Focal);

    /// <summary>One 0/1 indicator per comparison group (the focal group is the reference), named like <see cref="AddGroup"/>'s terms.</summary>
    public List<Predictor> GroupPredictors() =>
        [.. Comparisons.Select(c => new Predictor(GroupCoefficient(c), [.. Group.Select(g => g == c ? 1.0 : 0.0)]))];

    /// <summary>The comparison groups that have rows (a group absent at this wave has no coefficient).</summary>
    public ImmutableArray<string> PresentComparisons => [.. Comparisons.Where(c => Group.Contains(c))];

    /// <summary>The factor's name.</summary>
    public const string GroupTerm = "groupe";

    /// <summary>The coefficient of a comparison group against the focal group (comparison minus focal).</summary>
    public static string GroupCoefficient(string comparison) => $"{GroupTerm}[{comparison}]";

    /// <summary>The term of a contrast's effect (focal minus comparison: the coefficient with its sign reversed).</summary>
    public string ContrastTerm(string comparison) => $"{GroupTerm}[{Focal}] - {GroupTerm}[{comparison}]";
}
