namespace ImpactEval.Collection;
/// <summary>Placeholder.</summary>
public static class Placeholder { }
