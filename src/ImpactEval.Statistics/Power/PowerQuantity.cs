namespace ImpactEval.Statistics;

/// <summary>The unknown a power calculation solved for; every other quantity in its result was given.</summary>
public enum PowerQuantity
{
    /// <summary>The probability of rejecting the null hypothesis for a given effect and sample.</summary>
    Power,

    /// <summary>The smallest true effect detected with the requested power (MDE / MDES).</summary>
    MinimumDetectableEffect,

    /// <summary>The number of individuals (per group or in total, as the method states).</summary>
    SampleSize,

    /// <summary>The number of clusters or blocks (schools, neighbourhoods…).</summary>
    Clusters,

    /// <summary>The number of individuals per cluster.</summary>
    ClusterSize,
}
