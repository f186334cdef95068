namespace ImpactEval.Statistics;

/// <summary>Which of the What Works Clearinghouse's two attrition boundaries applies.</summary>
public enum AttritionBoundary
{
    /// <summary>Cautious boundary: for interventions that may plausibly affect who stays in the sample (the stricter one).</summary>
    Cautious,
    /// <summary>Optimistic boundary: for interventions unlikely to affect attrition.</summary>
    Optimistic,
}

/// <summary>Overall and differential attrition of one contrast (focal vs one comparison group) at one wave, judged against the WWC boundary.</summary>
/// <param name="Wave">Wave label given by the caller.</param>
/// <param name="FocalGroup">Focal group label.</param>
/// <param name="ComparisonGroup">Comparison group label.</param>
/// <param name="EnrolledFocal">Focal units enrolled (randomised or assigned) at baseline.</param>
/// <param name="ObservedFocal">Focal units with an outcome at this wave.</param>
/// <param name="EnrolledComparison">Comparison units enrolled.</param>
/// <param name="ObservedComparison">Comparison units observed at this wave.</param>
/// <param name="AttritionRateFocal">Share of enrolled focal units not observed, in [0, 1].</param>
/// <param name="AttritionRateComparison">Share of enrolled comparison units not observed, in [0, 1].</param>
/// <param name="OverallAttritionRate">Share of the contrast's enrolled sample (both groups) not observed, in [0, 1].</param>
/// <param name="DifferentialAttritionPoints">|focal rate − comparison rate| in percentage points.</param>
/// <param name="Boundary">Boundary applied.</param>
/// <param name="MaximumDifferentialPoints">Largest differential attrition (percentage points) still rated low at this overall rate; null when the overall rate is beyond the boundary (attrition high whatever the differential).</param>
/// <param name="IsLowAttrition">Whether the contrast has low attrition under the boundary.</param>
/// <param name="Verdict">"attrition faible" or "attrition élevée".</param>
/// <param name="Explanation">French sentence with the rates and the boundary used.</param>
public sealed record AttritionAssessment(
    string Wave,
    string FocalGroup,
    string ComparisonGroup,
    int EnrolledFocal,
    int ObservedFocal,
    int EnrolledComparison,
    int ObservedComparison,
    double AttritionRateFocal,
    double AttritionRateComparison,
    double OverallAttritionRate,
    double DifferentialAttritionPoints,
    AttritionBoundary Boundary,
    double? MaximumDifferentialPoints,
    bool IsLowAttrition,
    string Verdict,
    string Explanation);
