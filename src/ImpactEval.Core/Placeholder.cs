namespace ImpactEval.Core;
/// <summary>Placeholder.</summary>
public static class Placeholder { }
