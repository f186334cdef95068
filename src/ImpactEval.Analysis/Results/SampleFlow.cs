using System.Collections.Immutable;

namespace ImpactEval.Analysis.Results;

/// <summary>How many participants each group enrolled and kept at each wave (the CONSORT-style flow).</summary>
/// <param name="Groups">One entry per group, in protocol order.</param>
public sealed record SampleFlow(ImmutableArray<GroupFlow> Groups);

/// <summary>The flow of one group.</summary>
/// <param name="Group">Group code.</param>
/// <param name="Label">Group label.</param>
/// <param name="Enrolled">Participants enrolled (intention to treat).</param>
/// <param name="Withdrawn">Participants whose enrolment status is no longer active or completed.</param>
/// <param name="Waves">Participants observed (at least one value) at each wave.</param>
public sealed record GroupFlow(string Group, string Label, int Enrolled, int Withdrawn, ImmutableArray<WaveCount> Waves);

/// <summary>Participants of a group observed at a wave.</summary>
/// <param name="Wave">Wave code.</param>
/// <param name="Observed">Participants with at least one value at this wave.</param>
/// <param name="Late">Participants whose values were collected after the wave's window closed.</param>
public sealed record WaveCount(string Wave, int Observed, int Late);
