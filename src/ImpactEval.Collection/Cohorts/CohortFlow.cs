using System.Collections.Immutable;

namespace ImpactEval.Collection.Cohorts;

/// <summary>
/// The sample flow of a protocol on a given day, by group at enrolment: enrolled → observed at each wave → left the
/// follow-up (the CONSORT-style diagram, as data for reports and the attrition analysis).
/// </summary>
/// <param name="Protocol">The protocol identifier.</param>
/// <param name="AsOf">The day the flow describes.</param>
/// <param name="Groups">One entry per group, in protocol order.</param>
public sealed record CohortFlow(string Protocol, DateOnly AsOf, ImmutableArray<GroupFlowData> Groups);

/// <summary>The flow of one group (intention to treat).</summary>
/// <param name="Group">Group code.</param>
/// <param name="Label">French label.</param>
/// <param name="Enrolled">Participants enrolled in the group.</param>
/// <param name="Active">Currently followed.</param>
/// <param name="Completed">Followed to the end.</param>
/// <param name="Withdrawn">Withdrawn.</param>
/// <param name="Lost">Lost to follow-up.</param>
/// <param name="Moved">Moved away.</param>
/// <param name="MovedToOtherGroup">Enrolled here but now in another group (as treated).</param>
/// <param name="Waves">Each wave with indicators, in time order.</param>
public sealed record GroupFlowData(string Group, string Label, int Enrolled, int Active, int Completed, int Withdrawn, int Lost, int Moved,
    int MovedToOtherGroup, ImmutableArray<WaveFlowData> Waves);

/// <summary>One wave of a group's flow.</summary>
/// <param name="Wave">Wave code.</param>
/// <param name="Expected">Participants expected at the wave.</param>
/// <param name="Observed">With at least one value.</param>
/// <param name="Late">Observed after the window closed.</param>
/// <param name="Overdue">Window closed, nothing collected, still followed.</param>
/// <param name="Left">Nothing collected, left the follow-up.</param>
/// <param name="NotYetDue">Window not opened yet, or open and not collected yet.</param>
public sealed record WaveFlowData(string Wave, int Expected, int Observed, int Late, int Overdue, int Left, int NotYetDue);
