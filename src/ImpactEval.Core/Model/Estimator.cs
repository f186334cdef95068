namespace ImpactEval.Core.Model;

/// <summary>The estimator an analysis uses for its contrasts (see docs/protocol-language.md for the choice).</summary>
public enum Estimator
{
    /// <summary>Difference in means with Welch's standard error ("difference_moyennes").</summary>
    DifferenceInMeans,
    /// <summary>Linear regression of the outcome on the group, its baseline value and covariates, cluster-robust CR2 errors ("ancova").</summary>
    Ancova,
    /// <summary>Lin's interacted regression: covariates centred and interacted with the group ("lin").</summary>
    Lin,
    /// <summary>Difference-in-differences between a baseline wave and the analysis wave ("did").</summary>
    DifferenceInDifferences,
    /// <summary>Proportional-odds (ordered logit) regression for ordinal outcomes ("logit_ordonne").</summary>
    OrderedLogit,
    /// <summary>Logistic regression for binary outcomes ("logistique").</summary>
    Logistic,
    /// <summary>Propensity weighting (ATT weights for the focal group) then weighted regression ("ponderation").</summary>
    Weighting,
    /// <summary>Wilcoxon–Mann–Whitney rank-sum test, with the probability of superiority as effect ("wilcoxon").</summary>
    Wilcoxon,
    /// <summary>Probability of superiority with Brunner and Munzel's variance and test ("brunner_munzel").</summary>
    BrunnerMunzel,
    /// <summary>Difference of proportions of a binary outcome, Newcombe's hybrid score interval ("risk_difference").</summary>
    RiskDifference,
    /// <summary>Ratio of proportions of a binary outcome, Katz's log interval ("risk_ratio").</summary>
    RiskRatio,
    /// <summary>
    /// Paired change between a baseline wave and the analysis wave ("paired_change"): for each group, the mean change of
    /// the participants observed at both (paired t; Wilcoxon signed-rank test for ordinal outcomes) — an observed
    /// evolution, not an effect; with comparison groups, the difference of changes (a change-score regression without
    /// covariates, as did).
    /// </summary>
    PairedChange,
    /// <summary>ANCOVA with a cluster (pairs) bootstrap of whole clusters, percentile interval ("cluster_bootstrap").</summary>
    ClusterBootstrap,
}

/// <summary>What kind of computation each <see cref="Estimator"/> is.</summary>
public static class Estimators
{
    /// <summary>Least squares estimators whose variance is chosen with <c>variance</c> and <c>df</c>.</summary>
    public static bool IsLeastSquares(this Estimator estimator) =>
        estimator is Estimator.Ancova or Estimator.Lin or Estimator.DifferenceInDifferences or Estimator.Weighting or Estimator.PairedChange;

    /// <summary>Estimators on the change between a baseline wave and the analysis wave (they need <c>baseline_wave</c>).</summary>
    public static bool IsChange(this Estimator estimator) => estimator is Estimator.DifferenceInDifferences or Estimator.PairedChange;

    /// <summary>Maximum-likelihood models (odds ratios) whose variance is chosen with <c>variance</c>.</summary>
    public static bool IsLikelihood(this Estimator estimator) => estimator is Estimator.OrderedLogit or Estimator.Logistic;

    /// <summary>Two-sample statistics: each contrast compares the focal group with one comparison group, without a model.</summary>
    public static bool IsTwoSample(this Estimator estimator) =>
        estimator is Estimator.DifferenceInMeans or Estimator.Wilcoxon or Estimator.BrunnerMunzel or Estimator.RiskDifference or Estimator.RiskRatio;

    /// <summary>Whether the estimator fits a model, and so whether <see cref="AnalysisModel"/> applies.</summary>
    public static bool FitsModel(this Estimator estimator) => !estimator.IsTwoSample();
}
