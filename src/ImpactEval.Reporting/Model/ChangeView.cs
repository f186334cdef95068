namespace ImpactEval.Reporting.Model;

/// <summary>The observed change of one indicator in one group between two waves (<c>paired_change</c>): an evolution, not an effect.</summary>
/// <param name="IndicatorLabel">Indicator label.</param>
/// <param name="GroupLabel">Group label.</param>
/// <param name="N">Participants observed at both waves ("s" when hidden).</param>
/// <param name="BaselineMean">Mean at the first wave over those participants ("s" when withheld).</param>
/// <param name="FollowUpMean">Mean at the second wave.</param>
/// <param name="ChangeWithInterval">"+0,31 [0,11 ; 0,51]", "s" or "nd".</param>
/// <param name="Interpretation">The plain-French sentence, which says it is an observed evolution and not an effect.</param>
/// <param name="IsShown">False when withheld by disclosure control.</param>
public sealed record ChangeView(
    string IndicatorLabel,
    string GroupLabel,
    string N,
    string BaselineMean,
    string FollowUpMean,
    string ChangeWithInterval,
    string Interpretation,
    bool IsShown);
