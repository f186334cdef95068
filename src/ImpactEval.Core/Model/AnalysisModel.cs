namespace ImpactEval.Core.Model;

/// <summary>How the contrasts of an analysis are fitted when the estimator is a model (see docs/protocol-language.md).</summary>
public enum AnalysisModel
{
    /// <summary>
    /// One model on every group of the analysis's contrasts, with an indicator per comparison group and the focal group as
    /// reference: each contrast is then one coefficient (sign reversed), as <c>lm_robust(y ~ group + covariates)</c> with
    /// the focal group as the factor's reference level ("joint", the default).
    /// </summary>
    Joint,

    /// <summary>One model per contrast, fitted on the focal group and that comparison group only ("pairwise").</summary>
    Pairwise,
}
