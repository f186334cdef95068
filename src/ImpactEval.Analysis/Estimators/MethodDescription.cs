using ImpactEval.Core.Model;

namespace ImpactEval.Analysis.Estimators;

/// <summary>The plain French description of the method of an analysis, for reports: model, groups fitted, variance, degrees of freedom.</summary>
internal static class MethodDescription
{
    public static string Describe(Protocol protocol, AnalysisSpec spec)
    {
        var unit = protocol.Cluster?.Label.ToLowerInvariant();
        // Without a clustering unit a cluster-robust choice falls back, as the estimators do, to HC2 or the model's variance.
        if (unit is null && spec.Variance is { } chosen && chosen.IsClusterRobust())
            spec = spec.Estimator.IsLikelihood()
                ? spec with { Variance = VarianceChoice.Classical, DegreesOfFreedom = null }
                : spec with { Variance = VarianceChoice.HC2, DegreesOfFreedom = DegreesOfFreedomRule.Residual };
        // The participle agrees with the method's noun: "régression … ajustée", "logit ordonné … ajusté".
        string Adjusted(string participle) => spec.CovariateCodes.IsEmpty && spec.BaselineWaveCode is null
            ? ""
            : $" {participle} sur " + string.Join(", ", (spec.BaselineWaveCode is null ? [] : new[] { $"la valeur à {spec.BaselineWaveCode}" })
                .Concat(spec.CovariateCodes.Select(c => protocol.FindCovariate(c)?.Label.ToLowerInvariant() ?? c)));
        var groups = spec.Contrasts.Select(c => c.ComparisonCode).Distinct().Count() + 1;
        var model = !spec.Estimator.FitsModel() ? ""
            : spec.IsJoint
                ? groups > 2 ? $" ; un seul modèle sur les {groups} groupes (une indicatrice par groupe de comparaison, le groupe bénéficiaire en référence)" : ""
                : groups > 2 ? " ; un modèle par comparaison, ajusté sur le groupe bénéficiaire et ce seul groupe de comparaison" : "";
        return spec.Estimator switch
        {
            Estimator.DifferenceInMeans => "Différence des moyennes brutes, erreur-type de Welch",
            Estimator.Wilcoxon => "Test de Wilcoxon-Mann-Whitney (somme des rangs) ; effet : probabilité qu’une valeur du groupe bénéficiaire dépasse une valeur du groupe de comparaison (0,5 : aucun écart), intervalle de Brunner et Munzel",
            Estimator.BrunnerMunzel => "Test de Brunner et Munzel ; effet : probabilité qu’une valeur du groupe bénéficiaire dépasse une valeur du groupe de comparaison (0,5 : aucun écart)",
            Estimator.RiskDifference => "Différence de proportions, intervalle de Newcombe (score de Wilson)",
            Estimator.RiskRatio => "Rapport de proportions, intervalle de Katz (échelle logarithmique)",
            Estimator.Ancova => $"Régression linéaire (ANCOVA){Adjusted("ajustée")}{model}, {Linear(spec, unit)}",
            Estimator.Lin => $"Régression linéaire de Lin (covariables centrées et croisées avec le groupe){Adjusted("ajustée")}{model}, {Linear(spec, unit)}",
            Estimator.DifferenceInDifferences => $"Doubles différences (évolution entre {spec.BaselineWaveCode} et {spec.WaveCode}){model}, {Linear(spec, unit)}",
            Estimator.PairedChange => $"Évolution des mêmes participants entre {spec.BaselineWaveCode} et {spec.WaveCode} : moyenne des évolutions et intervalle de Student apparié (test des rangs signés de Wilcoxon pour un indicateur ordinal)"
                + (spec.Contrasts.IsEmpty ? "" : $" ; écart entre les évolutions des groupes{model}, {Linear(spec, unit)}"),
            Estimator.OrderedLogit => $"Logit ordonné (cotes proportionnelles){Adjusted("ajusté")}{model} ; rapport des chances, {Likelihood(spec, unit)}",
            Estimator.Logistic => $"Régression logistique{Adjusted("ajustée")}{model} ; rapport des chances, {Likelihood(spec, unit)}",
            Estimator.ClusterBootstrap => $"Régression linéaire (ANCOVA){Adjusted("ajustée")}{model}, intervalle par bootstrap de {spec.Bootstrap.Replications} rééchantillonnages des {(unit is null ? "grappes" : $"unités ({unit})")} entières (percentiles, graine {spec.Bootstrap.Seed})",
            _ => $"Pondération par score de propension (ATT, modèle logistique multinomial sur {string.Join(", ", spec.CovariateCodes.Concat(spec.BaselineOutcome ? ["la valeur initiale de l'indicateur"] : []))}), puis régression pondérée{model}, {Linear(spec, unit)}",
        };
    }

    private static string Linear(AnalysisSpec spec, string? unit)
    {
        var clustered = unit is null ? "" : $"erreurs-types robustes au regroupement par {unit} ";
        var df = spec.DegreesOfFreedom switch
        {
            DegreesOfFreedomRule.BellMcCaffrey => "degrés de liberté de Bell et McCaffrey",
            DegreesOfFreedomRule.Satterthwaite => "degrés de liberté de Satterthwaite",
            DegreesOfFreedomRule.ClustersMinusOne => "loi de Student à G − 1 degrés de liberté pour G unités",
            _ => "",
        };
        return spec.Variance switch
        {
            VarianceChoice.CR2 => $"{clustered}(CR2, {df})",
            VarianceChoice.CR1 => $"{clustered}(CR1 de Stata, {df})",
            VarianceChoice.CR0 => $"{clustered}(CR0, sans correction, {df})",
            VarianceChoice.HC1 => "erreurs-types robustes à l’hétéroscédasticité (HC1)",
            VarianceChoice.HC0 => "erreurs-types robustes à l’hétéroscédasticité (HC0, sans correction)",
            VarianceChoice.Classical => "erreurs-types classiques (variance résiduelle commune)",
            _ => "erreurs-types robustes (HC2)",
        };
    }

    private static string Likelihood(AnalysisSpec spec, string? unit)
    {
        var clustered = unit is null ? "erreurs-types robustes au regroupement " : $"erreurs-types robustes au regroupement par {unit} ";
        return spec.Variance switch
        {
            VarianceChoice.CR1 => $"{clustered}(CR1, loi de Student à G − 1 degrés de liberté pour G unités)",
            VarianceChoice.CR0 => $"{clustered}(CR0, sans correction, loi de Student à G − 1 degrés de liberté pour G unités)",
            VarianceChoice.HC1 => "erreurs-types robustes (sandwich HC1, loi normale)",
            VarianceChoice.HC0 => "erreurs-types robustes (sandwich HC0, loi normale)",
            _ => "erreurs-types du modèle",
        };
    }
}
