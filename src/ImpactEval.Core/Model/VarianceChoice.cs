namespace ImpactEval.Core.Model;

/// <summary>
/// The variance estimator of a model's coefficients, named as estimatr's <c>se_type</c> (linear models) and sandwich's
/// <c>vcovCL</c> / <c>vcovHC</c> types (likelihood models). See docs/protocol-language.md for what each estimator accepts.
/// </summary>
public enum VarianceChoice
{
    /// <summary>Bias-reduced cluster-robust variance of Bell and McCaffrey ("CR2", estimatr's default with clusters).</summary>
    CR2,

    /// <summary>Stata's cluster-robust variance, CR0 × G(n − 1)/((G − 1)(n − k)) ("CR1", estimatr <c>"stata"</c>, sandwich <c>vcovCL(type = "HC1")</c>).</summary>
    CR1,

    /// <summary>Cluster-robust sandwich without small-sample correction ("CR0").</summary>
    CR0,

    /// <summary>Heteroskedasticity-robust, squared residuals divided by 1 − hᵢᵢ ("HC2", estimatr's default without clusters).</summary>
    HC2,

    /// <summary>HC0 × n/(n − k) ("HC1").</summary>
    HC1,

    /// <summary>White's heteroskedasticity-robust sandwich ("HC0").</summary>
    HC0,

    /// <summary>The model's own variance: s²(XᵀX)⁻¹ for least squares, the inverse information for likelihood models ("classique").</summary>
    Classical,
}

/// <summary>Traits of <see cref="VarianceChoice"/>.</summary>
public static class VarianceChoices
{
    /// <summary>Whether the estimator is cluster-robust (needs a clustering unit).</summary>
    public static bool IsClusterRobust(this VarianceChoice variance) => variance is VarianceChoice.CR2 or VarianceChoice.CR1 or VarianceChoice.CR0;
}
