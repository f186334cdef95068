namespace ImpactEval.Core.Model;

/// <summary>
/// The level of an indicator in the field's evaluation vocabulary (référentiel d'évaluation).
/// </summary>
public enum IndicatorLevel
{
    /// <summary>Effectivité: was the action carried out as planned (families reached, sessions held).</summary>
    Effectivite,

    /// <summary>Efficacité / résultat: did the action produce the expected results.</summary>
    Resultat,

    /// <summary>Impact: lasting effect attributable to the action, ideally against a comparison group.</summary>
    Impact,
}
