namespace ImpactEval.Analysis;
/// <summary>Placeholder.</summary>
public static class Placeholder { }
