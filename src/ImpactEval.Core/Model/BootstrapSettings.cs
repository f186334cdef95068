namespace ImpactEval.Core.Model;

/// <summary>How a cluster bootstrap resamples (estimator <c>cluster_bootstrap</c>).</summary>
/// <param name="Replications">Number of bootstrap replications (at least 199; 1 999 by default).</param>
/// <param name="Seed">Seed of the random stream (same data, same seed: the same interval on any machine).</param>
public sealed record BootstrapSettings(int Replications, ulong Seed)
{
    /// <summary>1 999 replications, seed 20 250 101.</summary>
    public static BootstrapSettings Default { get; } = new(1999, 20250101);
}
