using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Results;

/// <summary>
/// The observed change of one indicator in one group between a baseline wave and the analysis wave, over the
/// participants observed at both (estimator <c>paired_change</c>): an evolution, not an effect.
/// </summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Group">Group code.</param>
/// <param name="BaselineWave">The first wave.</param>
/// <param name="Wave">The second wave (the analysis wave).</param>
/// <param name="N">Participants observed at both waves (the pairs).</param>
/// <param name="BaselineMean">Mean at the first wave over the pairs.</param>
/// <param name="FollowUpMean">Mean at the second wave over the pairs.</param>
/// <param name="Change">Mean change (second − first) with its paired t interval; null when it cannot be computed (see <paramref name="FailureReason"/>).</param>
/// <param name="SignedRank">The Wilcoxon signed-rank test of the changes, for ordinal indicators; null otherwise.</param>
/// <param name="FailureReason">French reason when the change cannot be computed (fewer than two pairs, every change equal).</param>
public sealed record ChangeEstimate(
    string Indicator,
    string Group,
    string BaselineWave,
    string Wave,
    int N,
    double BaselineMean,
    double FollowUpMean,
    Estimate? Change,
    SignedRankTest? SignedRank,
    string? FailureReason);
