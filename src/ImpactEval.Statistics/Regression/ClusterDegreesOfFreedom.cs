namespace ImpactEval.Statistics;

/// <summary>The degrees of freedom of the t reference of a cluster-robust regression table.</summary>
public enum ClusterDegreesOfFreedom
{
    /// <summary>
    /// Satterthwaite's approximation per coefficient for the variance's own adjustment matrices: for CR2 the Bell–McCaffrey
    /// df of estimatr's <c>se_type = "CR2"</c>; for CR0 and CR1 those of clubSandwich's
    /// <c>coef_test(vcov = "CR0" | "CR1S", test = "Satterthwaite")</c>.
    /// </summary>
    Satterthwaite,

    /// <summary>G − 1 for G clusters (estimatr's <c>"CR0"</c> and <c>"stata"</c>, Stata's <c>vce(cluster)</c>).</summary>
    ClustersMinusOne,
}
