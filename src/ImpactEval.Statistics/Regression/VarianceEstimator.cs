namespace ImpactEval.Statistics;

/// <summary>
/// The variance estimator behind a regression table, named as in estimatr's <c>se_type</c> and
/// clubSandwich's <c>type</c>.
/// </summary>
public enum VarianceEstimator
{
    /// <summary>Homoskedastic OLS variance s²(XᵀWX)⁻¹, t with n − k df (<c>se_type = "classical"</c>).</summary>
    Classical,

    /// <summary>White's heteroskedasticity-consistent estimator without correction (<c>"HC0"</c>).</summary>
    HC0,

    /// <summary>HC0 scaled by n/(n − k) (<c>"HC1"</c>, Stata's <c>robust</c>).</summary>
    HC1,

    /// <summary>Squared residuals divided by 1 − hᵢᵢ (<c>"HC2"</c>, estimatr's default without clusters).</summary>
    HC2,

    /// <summary>Squared residuals divided by (1 − hᵢᵢ)² (<c>"HC3"</c>, jackknife-like).</summary>
    HC3,

    /// <summary>Cluster-robust sandwich without correction (<c>"CR0"</c>), t with J − 1 df.</summary>
    CR0,

    /// <summary>CR0 scaled by J(n − 1)/((J − 1)(n − k)) (estimatr <c>"stata"</c>, clubSandwich <c>"CR1S"</c>), t with J − 1 df.</summary>
    CR1,

    /// <summary>
    /// Bell–McCaffrey bias-reduced cluster-robust estimator with Satterthwaite degrees of freedom per
    /// coefficient (estimatr <c>"CR2"</c>, clubSandwich <c>vcovCR(type = "CR2")</c> with
    /// <c>coef_test(test = "Satterthwaite")</c>).
    /// </summary>
    CR2,
}
