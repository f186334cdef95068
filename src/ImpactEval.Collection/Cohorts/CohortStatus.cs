using System.Collections.Immutable;

namespace ImpactEval.Collection.Cohorts;

/// <summary>Where the follow-up of a protocol stands on a day: every participant × wave, completeness, overdue list, flow.</summary>
/// <param name="Protocol">The protocol identifier.</param>
/// <param name="AsOf">The day described.</param>
/// <param name="Entries">One entry per enrolment × wave with indicators, in enrolment then wave order.</param>
/// <param name="Completeness">Per wave × group × school, then per wave × group (school null), then per wave (both null).</param>
/// <param name="Flow">The sample flow.</param>
public sealed record CohortStatus(string Protocol, DateOnly AsOf, ImmutableArray<ParticipantWave> Entries, ImmutableArray<Completeness> Completeness, CohortFlow Flow)
{
    /// <summary>The entries of <paramref name="wave"/> for the participants it is owed for: neither not expected nor left the follow-up.</summary>
    public IEnumerable<ParticipantWave> OwedAt(string wave) => Entries.Where(e => e.Wave == wave && e.State is not (WaveState.NotExpected or WaveState.Left));

    /// <summary>Participants still followed whose wave window has closed without any value, most overdue first.</summary>
    public ImmutableArray<ParticipantWave> Overdue =>
        [.. Entries.Where(e => e.State == WaveState.Overdue).OrderBy(e => e.WindowCloses).ThenBy(e => e.Cluster).ThenBy(e => e.Pseudonym, StringComparer.Ordinal)];
}
