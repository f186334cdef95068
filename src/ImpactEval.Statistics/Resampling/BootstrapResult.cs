using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Outcome of a seeded cluster bootstrap: the statistic on the full data with its bootstrap
/// standard error and percentile interval, and an honest count of the replications that failed.
/// </summary>
/// <param name="Estimate">
/// The statistic on the original rows (<see cref="Estimate.Value"/>), the bootstrap SE
/// (standard deviation of the valid replicates, denominator R − 1, as <c>boot</c> prints it), the
/// percentile interval, and a z statistic and p-value using that SE against a normal reference
/// (df = ∞) — a Wald test with a bootstrap SE, given for convenience.
/// </param>
/// <param name="Replications">Number of replications requested.</param>
/// <param name="ValidReplications">Replications whose statistic was a finite number.</param>
/// <param name="FailedReplications">Replications whose statistic threw <see cref="StatisticsException"/> or was not finite; excluded from the SE and interval.</param>
/// <param name="Clusters">Number of clusters resampled in each replication.</param>
/// <param name="Seed">Seed of the <see cref="Xoshiro256StarStar"/> stream; the same seed and data reproduce the result exactly.</param>
/// <param name="Bias">Mean of the valid replicates minus the full-data statistic.</param>
/// <param name="Replicates">The valid replicates in the order they were drawn.</param>
public sealed record BootstrapResult(
    Estimate Estimate,
    int Replications,
    int ValidReplications,
    int FailedReplications,
    int Clusters,
    ulong Seed,
    double Bias,
    ImmutableArray<double> Replicates);
