namespace ImpactEval.Statistics;

/// <summary>
/// A binary outcome in two groups: events out of non-missing observations in the focal group and in
/// the comparison group (rows = groups, columns = event / no event).
/// </summary>
/// <param name="FocalLabel">Label of the focal group.</param>
/// <param name="FocalEvents">Number of focal participants with the event (outcome = 1).</param>
/// <param name="FocalN">Number of focal participants with a non-missing outcome.</param>
/// <param name="ComparisonLabel">Label of the comparison group.</param>
/// <param name="ComparisonEvents">Number of comparison participants with the event.</param>
/// <param name="ComparisonN">Number of comparison participants with a non-missing outcome.</param>
public sealed record TwoByTwoTable(
    string FocalLabel,
    int FocalEvents,
    int FocalN,
    string ComparisonLabel,
    int ComparisonEvents,
    int ComparisonN)
{
    /// <summary>Focal participants without the event.</summary>
    public int FocalNonEvents => FocalN - FocalEvents;

    /// <summary>Comparison participants without the event.</summary>
    public int ComparisonNonEvents => ComparisonN - ComparisonEvents;

    /// <summary>Whether any of the four cells is zero.</summary>
    public bool HasZeroCell => FocalEvents == 0 || ComparisonEvents == 0 || FocalNonEvents == 0 || ComparisonNonEvents == 0;
}
