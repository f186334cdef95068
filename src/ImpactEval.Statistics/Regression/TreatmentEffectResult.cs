using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// The treatment-effect rows picked out of a fitted model (one per non-reference group, or per wave
/// for an event study) together with the whole model table.
/// </summary>
/// <param name="Effects">The effect estimates, in the order of <see cref="TreatmentEffectModel.EffectTerms"/>.</param>
/// <param name="Model">The full coefficient table of the model they come from.</param>
public sealed record TreatmentEffectResult(ImmutableArray<Estimate> Effects, RegressionTable Model)
{
    /// <summary>The first (for a two-group comparison, the only) effect.</summary>
    public Estimate Effect => Effects[0];
}
