namespace ImpactEval.Core.Model;

/// <summary>The protocol's dates.</summary>
/// <param name="Written">When the protocol was written or last revised.</param>
/// <param name="Start">Start of the evaluation.</param>
/// <param name="End">Planned end of the evaluation.</param>
public sealed record ProtocolDates(DateOnly? Written, DateOnly? Start, DateOnly? End);
