namespace ImpactEval.Statistics;

/// <summary>A procedure that adjusts a family of p-values for multiple testing (R's p.adjust methods).</summary>
public enum MultiplicityCorrection
{
    /// <summary>Bonferroni: p·m, capped at 1 (family-wise error rate; conservative).</summary>
    Bonferroni,

    /// <summary>Holm (1979) step-down: family-wise error rate under any dependence; uniformly better than Bonferroni.</summary>
    Holm,

    /// <summary>Hochberg (1988) step-up: family-wise error rate, valid for independent or positively dependent tests.</summary>
    Hochberg,

    /// <summary>Benjamini–Hochberg (1995) step-up: false discovery rate, for independent or positively dependent tests.</summary>
    BenjaminiHochberg,
}
