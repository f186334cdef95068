using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting.Formatting;

/// <summary>The French words reports use for the protocol's vocabulary (levels, types, estimators…).</summary>
public static class Vocabulary
{
    /// <summary>"effectivité", "résultat", "impact".</summary>
    public static string Level(IndicatorLevel level) => level switch
    {
        IndicatorLevel.Effectivite => "effectivité",
        IndicatorLevel.Resultat => "résultat",
        _ => "impact",
    };

    /// <summary>"continue", "comptage", "binaire (oui/non)", "ordinale", "catégorielle".</summary>
    public static string Type(ValueType type) => type switch
    {
        ValueType.Continuous => "continue",
        ValueType.Count => "comptage",
        ValueType.Binary => "binaire (oui/non)",
        ValueType.Ordinal => "ordinale",
        _ => "catégorielle",
    };

    /// <summary>Levels ("1 = Pas du tout impliqué, 2 = …") or range ("[0 ; 100] %") of a scale.</summary>
    public static string Scale(Scale scale) =>
        scale.IsLabelled
            ? string.Join(", ", scale.EffectiveLevels.Select(l => $"{l.Value} = {l.Label}"))
            : scale.Minimum is null && scale.Maximum is null ? (scale.Unit ?? "sans borne") : scale.DescribeRange().Replace(" ; ", French.Space + ";" + French.Space);

    /// <summary>"une valeur plus élevée est souhaitable" or "… plus basse …".</summary>
    public static string Direction(Direction direction) =>
        direction == Core.Model.Direction.HigherIsBetter ? "une valeur plus élevée est souhaitable" : "une valeur plus basse est souhaitable";

    /// <summary>The estimator in French.</summary>
    public static string Estimator(Estimator estimator) => estimator switch
    {
        Core.Model.Estimator.DifferenceInMeans => "différence de moyennes (erreur-type de Welch)",
        Core.Model.Estimator.Ancova => "analyse de covariance (ANCOVA) : régression de l'indicateur sur le groupe et les variables d'ajustement",
        Core.Model.Estimator.Lin => "régression de Lin (covariables centrées, en interaction avec le groupe)",
        Core.Model.Estimator.DifferenceInDifferences => "différence de différences entre la mesure initiale et la mesure analysée",
        Core.Model.Estimator.PairedChange => "évolution des mêmes participants entre deux temps (Student apparié ; rangs signés de Wilcoxon pour un indicateur ordinal)",
        Core.Model.Estimator.OrderedLogit => "régression logistique ordonnée (modèle à cotes proportionnelles)",
        Core.Model.Estimator.Logistic => "régression logistique",
        Core.Model.Estimator.Wilcoxon => "test de Wilcoxon-Mann-Whitney (rangs) et probabilité de supériorité",
        Core.Model.Estimator.BrunnerMunzel => "test de Brunner et Munzel (rangs) et probabilité de supériorité",
        Core.Model.Estimator.RiskDifference => "différence de proportions (intervalle de Newcombe)",
        Core.Model.Estimator.RiskRatio => "rapport de proportions (intervalle de Katz)",
        Core.Model.Estimator.ClusterBootstrap => "analyse de covariance (ANCOVA), intervalle par bootstrap des écoles",
        _ => "pondération sur le score de propension (poids ATT), puis régression pondérée",
    };

    /// <summary>Whether an estimator compares groups at comparable measured baseline characteristics.</summary>
    public static bool AdjustsForCovariates(Estimator estimator) =>
        estimator is Core.Model.Estimator.Ancova or Core.Model.Estimator.Lin or Core.Model.Estimator.OrderedLogit
            or Core.Model.Estimator.Logistic or Core.Model.Estimator.Weighting or Core.Model.Estimator.ClusterBootstrap;

    /// <summary>"Holm", "Hochberg", "Benjamini-Hochberg"; null for none.</summary>
    public static string? Correction(Multiplicity multiplicity) => multiplicity switch
    {
        Multiplicity.Holm => "Holm",
        Multiplicity.Hochberg => "Hochberg",
        Multiplicity.BenjaminiHochberg => "Benjamini-Hochberg",
        _ => null,
    };

    /// <summary>"filles et garçons", "filles", "garçons".</summary>
    public static string Gender(GenderCoverage gender) => gender switch
    {
        GenderCoverage.Girls => "filles",
        GenderCoverage.Boys => "garçons",
        _ => "filles et garçons",
    };

    /// <summary>"scolaire", "hors temps scolaire", "scolaire et hors temps scolaire".</summary>
    public static string Setting(Setting setting) => setting switch
    {
        Core.Model.Setting.School => "scolaire",
        Core.Model.Setting.OutOfSchool => "hors temps scolaire",
        _ => "scolaire et hors temps scolaire",
    };
}
