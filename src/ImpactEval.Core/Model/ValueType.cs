namespace ImpactEval.Core.Model;

/// <summary>The measurement type of an indicator or a covariate.</summary>
public enum ValueType
{
    /// <summary>A real number (a score, a rate, an age in months).</summary>
    Continuous,

    /// <summary>A non-negative whole number (sessions attended, absences).</summary>
    Count,

    /// <summary>Yes / no, stored as 1 / 0.</summary>
    Binary,

    /// <summary>Ordered labelled levels (e.g. a 4-level teacher rating), stored as the level's value.</summary>
    Ordinal,

    /// <summary>Unordered labelled categories, stored as the category's value.</summary>
    Categorical,
}
