using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Analysis.Estimators;

/// <summary>
/// ATT weights of an analysis: a multinomial logistic propensity model of the group (all groups of the protocol)
/// on the analysis covariates (and, with <c>baseline: outcome</c>, the outcome's own baseline value), fitted on every
/// enrolled participant with complete covariates, then WeightIt's ATT
/// weights for the focal group (focal families weigh 1; a family of group g weighs p_focal(x) / p_g(x)). The
/// outcome is then compared by weighted least squares of the outcome on the group alone, with cluster-robust
/// errors — the usual "weighting then weighted regression with robust errors" recipe (WeightIt's vignette with
/// <c>lm_robust(weights = , clusters = )</c>).
/// </summary>
internal sealed record PropensityWeighting(
    double[] Weights,
    ImmutableArray<GroupWeightSummary> Summaries,
    ImmutableArray<PropensityOverlap> Overlap,
    ImmutableArray<string> Warnings)
{
    /// <summary>Fits the propensity model and the ATT weights of every enrolled participant (NaN when a covariate is missing).</summary>
    /// <param name="protocol">The protocol (groups, covariates).</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="covariateCodes">The analysis's covariates.</param>
    /// <param name="baselineOutcome">The baseline value of the outcome as one more predictor (<c>baseline: outcome</c>), or null.</param>
    public static PropensityWeighting Compute(Protocol protocol, AnalysisDataset dataset, IReadOnlyList<string> covariateCodes,
        (string Name, ImmutableArray<double> Values)? baselineOutcome = null)
    {
        var labels = protocol.Groups.Select(g => g.Code).ToList();
        var focal = labels.IndexOf(protocol.FocalGroup.Code);
        var group = dataset.Groups.Select(g => labels.IndexOf(g)).ToArray();
        var predictors = new List<Predictor>();
        foreach (var code in covariateCodes)
        {
            var covariate = protocol.FindCovariate(code)!;
            var values = dataset.Covariates[code].ToArray();
            if (covariate.Scale.Type != ValueType.Categorical) { predictors.Add(new Predictor(code, values)); continue; }
            var levels = covariate.Scale.EffectiveLevels;
            var codes = values.Select(v => double.IsNaN(v) ? -1 : levels.IndexOf(levels.First(l => l.Value == v))).ToArray();
            predictors.AddRange(Predictor.Indicators(code, codes, [.. levels.Select(l => l.Label)], 0));
        }
        if (baselineOutcome is { } extra) predictors.Add(new Predictor(extra.Name, extra.Values.ToArray()));
        var complete = new bool[dataset.Count];
        for (var i = 0; i < dataset.Count; i++) complete[i] = group[i] >= 0 && predictors.TrueForAll(p => !double.IsNaN(p.Values[i]));
        var rows = Enumerable.Range(0, dataset.Count).Where(i => complete[i]).ToArray();
        var subsetGroup = rows.Select(i => group[i]).ToArray();
        var subsetPredictors = predictors.Select(p => new Predictor(p.Name, [.. rows.Select(i => p.Values[i])])).ToList();
        var model = MultinomialLogit.Fit(subsetGroup, labels, subsetPredictors);
        var att = PropensityWeights.AttFromMultinomial(model, subsetGroup, focal);
        var weights = new double[dataset.Count];
        Array.Fill(weights, double.NaN);
        for (var k = 0; k < rows.Length; k++) weights[rows[k]] = att.Weights[k];
        return new PropensityWeighting(weights,
            WeightDiagnostics.Summarize(att.Weights.AsSpan(), subsetGroup, labels),
            WeightDiagnostics.Overlap(model.Probabilities.AsSpan(), labels.Count, subsetGroup, labels, focal),
            model.Warnings);
    }

    /// <summary>The weighted comparison of the contrasts of one fit (weighted least squares of the outcome on the group).</summary>
    public ModelFit Estimate(EstimationData data)
    {
        var outcome = new double[data.Count];
        var weights = new double[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var w = Weights[data.Rows[i]];
            outcome[i] = double.IsNaN(w) ? double.NaN : data.Outcome[i];
            weights[i] = double.IsNaN(w) ? 1 : w;
        }
        return LinearContrast.Weighted(data, outcome, weights);
    }
}
