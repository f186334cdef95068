using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>
/// The clustering unit of the design (e.g. the school): participants of one unit share teachers and
/// context, so their outcomes are correlated and standard errors must be cluster-robust.
/// </summary>
/// <param name="Code">Code of the unit kind (e.g. "ecole").</param>
/// <param name="Label">French label (e.g. "École").</param>
/// <param name="Units">The declared units (code and label); empty when units are only known from the data.</param>
public sealed record ClusterUnit(string Code, string Label, ImmutableArray<ScaleLabel> Units);

/// <summary>A code with its French label (a school, a category…).</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Label">French label.</param>
public sealed record ScaleLabel(string Code, string Label);
