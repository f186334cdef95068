namespace ImpactEval.Data;
/// <summary>Placeholder.</summary>
public static class Placeholder { }
