using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;

namespace ImpactEval.Core.Loading;

public static partial class ProtocolLoader
{
    /// <summary>The analysis options (model, variance, degrees of freedom, baseline, bootstrap) and the families of tests.</summary>
    private sealed partial class Reader
    {
        /// <summary>Where each analysis declares its own <c>multiplicity</c> (a family's analyses must not).</summary>
        private readonly Dictionary<string, SourcePosition> declaredMultiplicity = new(StringComparer.Ordinal);

        /// <summary>
        /// Reads and checks the options of an analysis against its estimator and the clustering unit, resolving the
        /// documented defaults; every combination that an estimator does not support is refused where it is written.
        /// </summary>
        private AnalysisSpec ReadAnalysisOptions(YamlMap map, AnalysisSpec spec, ImmutableArray<(string Code, SourcePosition At)> covariates, ClusterUnit? cluster)
        {
            var what = $"l’analyse « {spec.Code} »";
            var estimator = spec.Estimator;
            var word = Vocabulary.WordFor(Vocabulary.Estimators, estimator);
            var clustered = cluster is not null;

            foreach (var duplicate in covariates.GroupBy(c => c.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
                sink.Error(duplicate.Skip(1).First().At, $"Dans {what}, la covariable « {duplicate.Key} » est citée deux fois : les deux colonnes seraient colinéaires.",
                    "Gardez une seule occurrence.");

            var model = map.Choice("model", false, Vocabulary.Models) ?? AnalysisModel.Joint;
            if (map.Has("model") && !estimator.FitsModel())
                sink.Error(map.PositionOf("model"), $"Dans {what}, « model » ne s’applique pas à l’estimateur « {word} » : il compare deux échantillons (le groupe focal et un groupe de comparaison), sans modèle commun.",
                    "Retirez « model: », ou choisissez un estimateur qui ajuste un modèle (ancova, lin, did, ordered_logit, logistic, weighting, cluster_bootstrap).");

            if (estimator.IsTwoSample() && estimator != Estimator.DifferenceInMeans)
            {
                if (!covariates.IsEmpty)
                    sink.Error(map.PositionOf("covariates"), $"Dans {what}, l’estimateur « {word} » n’ajuste sur aucune covariable : la liste « covariates » ne serait pas utilisée.",
                        "Retirez « covariates: » (l’équilibre des groupes est décrit pour toutes les covariables du protocole), ou choisissez ancova.");
                if (spec.BaselineWaveCode is not null && !map.Has("baseline"))
                    sink.Error(map.PositionOf("baseline_wave"), $"Dans {what}, l’estimateur « {word} » ne tient pas compte d’une vague de référence.",
                        "Retirez « baseline_wave: », ou ajoutez « baseline: outcome » pour décrire l’équilibre des groupes sur cette mesure initiale.");
            }
            if (estimator == Estimator.ClusterBootstrap && !clustered)
                sink.Error(map.PositionOf("estimator"), $"{Capitalise(what)} utilise le bootstrap par grappes sans unité de regroupement.",
                    "Déclarez la section « cluster: » (l’école), ou choisissez ancova.");

            var variance = ReadVariance(map, what, estimator, word, clustered);
            var df = ReadDegreesOfFreedom(map, what, estimator, word, variance);

            var baselineOutcome = map.Choice("baseline", false, Vocabulary.BaselineUses) ?? false;
            if (baselineOutcome && spec.BaselineWaveCode is null)
                sink.Error(map.PositionOf("baseline"), $"Dans {what}, « baseline: outcome » demande une vague de référence.",
                    "Ajoutez « baseline_wave: » (la vague avant l’action, où chaque indicateur de l’analyse est aussi collecté).");

            var bootstrap = BootstrapSettings.Default;
            var settings = map.Map("bootstrap", false, $"les réglages du bootstrap de {what}", "replications", "seed");
            if (settings is not null)
            {
                if (estimator != Estimator.ClusterBootstrap)
                    sink.Error(map.PositionOf("bootstrap"), $"Dans {what}, « bootstrap » ne s’applique qu’à l’estimateur « cluster_bootstrap ».", "Retirez « bootstrap: ».");
                var replications = settings.Integer("replications", false, "1999") ?? bootstrap.Replications;
                if (replications is < 199 or > 100_000)
                    sink.Error(settings.PositionOf("replications"), $"Le nombre de réplications du bootstrap de {what} doit être compris entre 199 et 100 000.",
                        "La valeur usuelle est 1999 pour un intervalle à 95 %.");
                var seed = settings.Integer("seed", false, "20250101") ?? (int)bootstrap.Seed;
                if (seed < 0)
                    sink.Error(settings.PositionOf("seed"), $"La graine du bootstrap de {what} doit être un entier positif ou nul.");
                bootstrap = new BootstrapSettings(replications, (ulong)Math.Max(0, seed));
            }

            return spec with
            {
                Model = model, Variance = variance, DegreesOfFreedom = df, BaselineOutcome = baselineOutcome, Bootstrap = bootstrap,
                Primary = map.Choice("primary", false, Vocabulary.Booleans) ?? false,
            };
        }

        private VarianceChoice? ReadVariance(YamlMap map, string what, Estimator estimator, string word, bool clustered)
        {
            var declared = map.Choice("variance", false, Vocabulary.Variances);
            var at = map.PositionOf("variance");
            if (!estimator.IsLeastSquares() && !estimator.IsLikelihood())
            {
                if (map.Has("variance"))
                    sink.Error(at, $"Dans {what}, « variance » ne s’applique pas à l’estimateur « {word} », qui a sa propre inférence (voir docs/protocol-language.md).",
                        "Retirez « variance: ».");
                return null;
            }
            if (declared is not { } variance)
                return estimator.IsLeastSquares()
                    ? clustered ? VarianceChoice.CR2 : VarianceChoice.HC2
                    : clustered ? VarianceChoice.CR1 : VarianceChoice.Classical;
            var name = Vocabulary.WordFor(Vocabulary.Variances, variance);
            if (variance.IsClusterRobust() && !clustered)
                sink.Error(at, $"Dans {what}, la variance « {name} » est robuste au regroupement, mais le protocole ne déclare pas d’unité de regroupement.",
                    "Déclarez la section « cluster: » (l’école), ou choisissez HC2, HC1, HC0 ou classique.");
            if (estimator.IsLikelihood() && variance is VarianceChoice.CR2 or VarianceChoice.HC2)
                sink.Error(at, $"Dans {what}, la variance « {name} » n’est pas disponible pour l’estimateur « {word} » (sandwich ne la calcule pas pour les modèles de vraisemblance).",
                    "Choisissez CR1 (défaut avec une unité de regroupement), CR0, HC1, HC0 ou classique.");
            if (clustered && !variance.IsClusterRobust())
                sink.Warning(at, $"Dans {what}, la variance « {name} » ignore le regroupement déclaré (cluster) : si les participants d’une même unité se ressemblent, les intervalles seront trop étroits.",
                    "Gardez la valeur par défaut (CR2 pour les régressions linéaires, CR1 pour les logits) sauf raison documentée.");
            return variance;
        }

        private DegreesOfFreedomRule? ReadDegreesOfFreedom(YamlMap map, string what, Estimator estimator, string word, VarianceChoice? variance)
        {
            var declared = map.Choice("df", false, Vocabulary.DegreesOfFreedom);
            var at = map.PositionOf("df");
            var clusterRobust = variance is { } v && v.IsClusterRobust();
            if (estimator.IsLikelihood())
            {
                if (map.Has("df") && declared is { } d && !(d == DegreesOfFreedomRule.ClustersMinusOne && clusterRobust))
                    sink.Error(at, $"Dans {what}, l’estimateur « {word} » utilise la loi de Student à G − 1 degrés de liberté avec une variance par grappes, la loi normale sinon : « df » ne s’y choisit pas.",
                        "Retirez « df: ».");
                return clusterRobust ? DegreesOfFreedomRule.ClustersMinusOne : null;
            }
            if (!estimator.IsLeastSquares())
            {
                if (map.Has("df"))
                    sink.Error(at, $"Dans {what}, « df » ne s’applique pas à l’estimateur « {word} », qui a sa propre inférence (voir docs/protocol-language.md).", "Retirez « df: ».");
                return null;
            }
            var fallback = variance switch
            {
                VarianceChoice.CR2 => DegreesOfFreedomRule.BellMcCaffrey,
                VarianceChoice.CR1 or VarianceChoice.CR0 => DegreesOfFreedomRule.ClustersMinusOne,
                _ => DegreesOfFreedomRule.Residual,
            };
            if (declared is not { } rule) return fallback;
            var name = Vocabulary.WordFor(Vocabulary.DegreesOfFreedom, rule);
            var varianceName = variance is { } chosen ? Vocabulary.WordFor(Vocabulary.Variances, chosen) : "";
            var allowed = rule switch
            {
                DegreesOfFreedomRule.BellMcCaffrey => variance == VarianceChoice.CR2,
                DegreesOfFreedomRule.Satterthwaite or DegreesOfFreedomRule.ClustersMinusOne => clusterRobust,
                _ => !clusterRobust,
            };
            if (!allowed)
            {
                var hint = variance switch
                {
                    VarianceChoice.CR2 => "Avec CR2 : bell_mccaffrey (défaut), satterthwaite ou clusters_moins_un.",
                    VarianceChoice.CR1 or VarianceChoice.CR0 => $"Avec {varianceName} : clusters_moins_un (défaut) ou satterthwaite.",
                    _ => $"Avec {varianceName} : residuel (n − k, le seul choix sans variance par grappes).",
                };
                sink.Error(at, $"Dans {what}, les degrés de liberté « {name} » ne vont pas avec la variance « {varianceName} ».", hint);
            }
            return rule;
        }

        /// <summary>
        /// Reads the families of tests and marks their analyses; an analysis belongs to one family at most and then does not
        /// declare its own <c>multiplicity</c>.
        /// </summary>
        private ImmutableArray<MultiplicityFamily> ReadFamilies(YamlMap map, ref ImmutableArray<AnalysisSpec> analyses)
        {
            var known = analyses;
            var families = ReadList(map, "families", false, (family, _) =>
            {
                var code = ReadCode(family, "COOPERATION");
                var what = $"la famille de tests « {code} »";
                var members = family.Codes("analyses", true);
                if (members.Length == 0 && family.Has("analyses"))
                    sink.Error(family.PositionOf("analyses"), $"{Capitalise(what)} ne contient aucune analyse.");
                foreach (var (analysis, at) in members)
                {
                    if (known.Any(a => a.Code == analysis)) continue;
                    var closest = TextKey.Closest(analysis, known.Select(a => a.Code));
                    sink.Error(at, $"{Capitalise(what)} fait référence à une analyse « {analysis} » qui n’est pas définie.",
                        closest is not null ? $"Vouliez-vous dire « {closest} » ?" : $"Analyses déclarées : {string.Join(", ", known.Select(a => a.Code))}.");
                }
                var multiplicity = family.Choice("multiplicity", false, Vocabulary.Multiplicities) ?? Multiplicity.Holm;
                if (multiplicity == Multiplicity.None)
                    sink.Error(family.PositionOf("multiplicity"), $"{Capitalise(what)} ne corrige pas ses p-valeurs (none) : une famille sert à les ajuster ensemble.",
                        "Choisissez holm (défaut), hochberg ou bh, ou retirez la famille.");
                return new MultiplicityFamily(code, family.String("label", false), [.. members.Select(m => m.Code)], multiplicity, family.Position);
            });
            var owner = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var family in families)
                foreach (var analysis in family.AnalysisCodes.Distinct(StringComparer.Ordinal))
                {
                    if (owner.TryGetValue(analysis, out var first))
                    {
                        sink.Error(family.At, $"L’analyse « {analysis} » appartient déjà à la famille de tests « {first} » : une analyse ne peut être corrigée que dans une famille.",
                            "Retirez-la de l’une des deux familles.");
                        continue;
                    }
                    owner[analysis] = family.Code;
                    if (declaredMultiplicity.TryGetValue(analysis, out var at))
                        sink.Error(at, $"L’analyse « {analysis} » appartient à la famille de tests « {family.Code} » : ses p-valeurs sont ajustées avec toute la famille, elle ne déclare pas sa propre correction.",
                            "Retirez « multiplicity: » de l’analyse (la correction est celle de la famille).");
                }
            analyses = [.. analyses.Select(a => owner.TryGetValue(a.Code, out var family) ? a with { FamilyCode = family } : a)];
            return families;
        }
    }
}
