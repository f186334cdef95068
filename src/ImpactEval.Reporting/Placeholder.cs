namespace ImpactEval.Reporting;
/// <summary>Placeholder.</summary>
public static class Placeholder { }
