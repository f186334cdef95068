using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting.Formatting;

/// <summary>How many decimals a report shows for the values of a scale: enough to read a difference, no more.</summary>
public static class Decimals
{
    /// <summary>
    /// Two for ordinal and categorical scales and for narrow continuous ranges (at most 10 wide), one for counts
    /// and other continuous scales, one for binary shares shown as percentages.
    /// </summary>
    public static int ForScale(Scale scale) => scale.Type switch
    {
        ValueType.Ordinal or ValueType.Categorical => 2,
        ValueType.Binary => 1,
        ValueType.Count => 1,
        _ => scale.Minimum is { } min && scale.Maximum is { } max && max - min <= 10 ? 2 : 1,
    };
}
