namespace ImpactEval.Statistics;

/// <summary>
/// The sandwich variance of a maximum-likelihood fit (logistic, ordered logit), named as the linear models' estimators and
/// computed as R's <c>sandwich</c> package does: V = c · B M B, B the inverse information, M the outer products of the
/// summed scores of each cluster (of each row for HC), c the small-sample factor below.
/// </summary>
public enum SandwichEstimator
{
    /// <summary>Rows as their own clusters, c = 1 (<c>sandwich::vcovHC(type = "HC0")</c>); normal reference.</summary>
    HC0,

    /// <summary>Rows as their own clusters, c = n/(n − k) (<c>vcovHC(type = "HC1")</c>); normal reference.</summary>
    HC1,

    /// <summary>Clusters, c = 1 (<c>vcovCL(type = "HC0", cadjust = FALSE)</c>); t with G − 1 degrees of freedom.</summary>
    CR0,

    /// <summary>Clusters, c = G/(G − 1) · (n − 1)/(n − k) (<c>vcovCL(type = "HC1")</c>, Stata's); t with G − 1 degrees of freedom.</summary>
    CR1,
}
