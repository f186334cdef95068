namespace ImpactEval.Core.Model;

/// <summary>How p-values of one analysis are adjusted for testing several outcomes.</summary>
public enum Multiplicity
{
    /// <summary>No adjustment.</summary>
    None,
    /// <summary>Holm's step-down procedure (family-wise error).</summary>
    Holm,
    /// <summary>Hochberg's step-up procedure (family-wise error).</summary>
    Hochberg,
    /// <summary>Benjamini–Hochberg (false discovery rate).</summary>
    BenjaminiHochberg,
}
