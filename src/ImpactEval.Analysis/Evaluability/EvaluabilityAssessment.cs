using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;

namespace ImpactEval.Analysis.Evaluability;

/// <summary>
/// Judges, before any data is collected, whether a protocol can answer its questions: graded findings (bloquant,
/// à revoir, information) in plain French, each placed in the file with its numbers and what to change. Pure: the
/// protocol is all it reads.
/// </summary>
/// <remarks>
/// The rules and their thresholds — a choice, written down here and in docs/protocol-language.md:
/// <list type="bullet">
/// <item>no comparison group: blocking when an indicator is at the impact level (an impact cannot be estimated), to
/// review otherwise;</item>
/// <item>an analysis that compares groups with neither a baseline wave, nor the outcome at baseline, nor covariates:
/// to review (the groups are not randomised, a difference may predate the action);</item>
/// <item>a group planned below 30 participants: to review; no planned size at all: information (nothing can be
/// sized);</item>
/// <item>a planned minimum detectable effect above 0,5 standard deviation: to review, with the sample that would
/// detect 0,3 SD under the same assumptions and allocation;</item>
/// <item>fewer than 10 schools with cluster-robust errors: to review;</item>
/// <item>an impact-level indicator no analysis uses, an indicator collected at no wave: to review; a wave that
/// collects nothing: information;</item>
/// <item>a baseline wave dated after the evaluation starts: to review;</item>
/// <item>an analysis of 3 outcomes or more without a multiplicity correction: to review;</item>
/// <item>an indicator without source or respondent: information.</item>
/// </list>
/// </remarks>
public static class EvaluabilityAssessment
{
    /// <summary>Smallest planned group below which a comparison is fragile.</summary>
    public const int SmallGroup = 30;

    /// <summary>Planned MDE (in SD) above which only large effects can be detected.</summary>
    public const double LargeDetectableEffect = 0.5;

    /// <summary>The effect (in SD) the advice sizes for: a modest effect, common for educational actions.</summary>
    public const double TargetEffect = 0.3;

    /// <summary>Fewest clusters for cluster-robust errors to be trusted without care.</summary>
    public const int FewClusters = 10;

    /// <summary>Outcomes of one analysis from which a multiplicity correction is expected.</summary>
    public const int ManyOutcomes = 3;

    /// <summary>The verdict of <paramref name="protocol"/> as stored with its version (see <c>ProtocolRegistry.RegisterAsync</c>).</summary>
    public static string Json(Protocol protocol) => Assess(protocol).ToJson();

    /// <summary>The verdict of <paramref name="protocol"/>.</summary>
    public static EvaluabilityVerdict Assess(Protocol protocol)
    {
        var findings = new List<EvaluabilityFinding>();
        Comparison(protocol, findings);
        Sizes(protocol, findings);
        Clusters(protocol, findings);
        Coverage(protocol, findings);
        foreach (var analysis in protocol.Analyses) Analysis(protocol, analysis, findings);
        foreach (var indicator in protocol.Indicators.Where(i => i.Source is null || i.Respondent is null))
            findings.Add(new EvaluabilityFinding("source_manquante", FindingSeverity.Information, indicator.At,
                $"L'indicateur « {indicator.Code} » ne dit pas {(indicator.Source is null && indicator.Respondent is null ? "d'où viennent ses valeurs ni qui les renseigne" : indicator.Source is null ? "d'où viennent ses valeurs" : "qui le renseigne")}.",
                "Ajoutez « source: » et « respondent: » : les classeurs de collecte et le rapport les citent."));
        return new EvaluabilityVerdict([.. findings.OrderBy(f => f.Severity).ThenBy(f => f.At.Line).ThenBy(f => f.At.Column)]);
    }

    private static void Comparison(Protocol protocol, List<EvaluabilityFinding> findings)
    {
        if (protocol.Groups.Any(g => g.Role == GroupRole.Comparison) || protocol.Groups.IsEmpty) return;
        var impact = protocol.Indicators.Where(i => i.Level == IndicatorLevel.Impact).Select(i => i.Code).ToList();
        findings.Add(new EvaluabilityFinding("sans_comparaison", impact.Count > 0 ? FindingSeverity.Blocking : FindingSeverity.Review, protocol.FocalGroup.At,
            impact.Count > 0
                ? $"Aucun groupe de comparaison : l'impact ({string.Join(", ", impact)}) ne peut pas être estimé, seulement l'évolution des bénéficiaires."
                : "Aucun groupe de comparaison : l'évaluation décrira les bénéficiaires et leur évolution, sans pouvoir l'attribuer à l'action.",
            "Ajoutez un groupe « role: comparison » (des enfants comparables qui ne bénéficient pas de l'action), ou présentez les résultats comme une évolution observée, pas comme un effet (estimateur « paired_change »)."));
    }

    private static void Sizes(Protocol protocol, List<EvaluabilityFinding> findings)
    {
        if (protocol.Groups.All(g => g.PlannedSize is null))
        {
            if (!protocol.Groups.IsEmpty)
                findings.Add(new EvaluabilityFinding("effectifs_inconnus", FindingSeverity.Information, protocol.Groups[0].At,
                    "Aucun effectif prévu : la taille de l'effet détectable ne peut pas être calculée.",
                    "Ajoutez « planned_size: » à chaque groupe (le nombre de participants que vous pensez inscrire)."));
            return;
        }
        foreach (var group in protocol.Groups.Where(g => g.PlannedSize < SmallGroup))
            findings.Add(new EvaluabilityFinding("petit_groupe", FindingSeverity.Review, group.At,
                $"Le groupe « {group.Code} » ne compte que {group.PlannedSize} participants prévus (moins de {SmallGroup}) : ses moyennes et ses écarts seront très imprécis, et le secret statistique en masquera une partie.",
                "Élargissez le groupe (plus d'écoles, une deuxième cohorte), ou regroupez l'évaluation avec d'autres cités."));
        if (protocol.Groups.All(g => g.Role != GroupRole.Comparison)) return;
        foreach (var planned in DesignSensitivity.Planned(protocol).Where(p => p.StandardisedEffect > LargeDetectableEffect))
        {
            var comparison = protocol.FindGroup(planned.Comparison)!;
            var (n1, n2) = SampleFor(protocol, planned);
            findings.Add(new EvaluabilityFinding("mde_eleve", FindingSeverity.Review, comparison.At,
                $"Avec {planned.FocalN} et {planned.ComparisonN} participants prévus, la comparaison {planned.Focal} – {planned.Comparison} ne détectera qu'un écart d'au moins {FrenchNumber.Format(planned.StandardisedEffect, 2)} écart-type (puissance {FrenchNumber.Format(100 * planned.Power, 0)} %, risque {FrenchNumber.Format(100 * planned.Alpha, 0)} %) : un effet plus modeste passerait le plus souvent inaperçu.",
                n1 is null
                    ? $"Même de très grands groupes ne détecteraient pas {FrenchNumber.Format(TargetEffect, 1)} écart-type avec ces hypothèses : revoyez le regroupement (ICC) ou le plan."
                    : $"Pour détecter {FrenchNumber.Format(TargetEffect, 1)} écart-type, il faudrait environ {n1} et {n2} participants (même répartition, mêmes hypothèses)."));
        }
    }

    /// <summary>
    /// The planned sizes scaled up (same allocation, same schools) until the planning MDE falls to <see cref="TargetEffect"/>:
    /// bisection on the scale, the MDE decreasing with it; null when even a thousand times the sizes does not reach it.
    /// </summary>
    private static (int? Focal, int? Comparison) SampleFor(Protocol protocol, DetectableEffect planned)
    {
        var clusters = protocol.Cluster?.Units.Length ?? 0;
        var contrast = new ContrastSpec(planned.Focal, planned.Comparison);
        double Mde(double k) => DesignSensitivity.Compute(protocol.Design, contrast, DetectableEffect.PlannedWave,
            (int)Math.Ceiling(planned.FocalN * k), (int)Math.Ceiling(planned.ComparisonN * k), clusters).StandardisedEffect;
        double low = 1, high = 1000;
        if (Mde(high) > TargetEffect) return (null, null);
        for (var i = 0; i < 60 && high - low > 1e-4; i++)
        {
            var mid = (low + high) / 2;
            if (Mde(mid) > TargetEffect) low = mid; else high = mid;
        }
        return ((int)Math.Ceiling(planned.FocalN * high), (int)Math.Ceiling(planned.ComparisonN * high));
    }

    private static void Clusters(Protocol protocol, List<EvaluabilityFinding> findings)
    {
        if (protocol.Cluster is not { } cluster || cluster.Units.Length >= FewClusters) return;
        var robust = protocol.Analyses.Where(a => ClusterRobust(a)).Select(a => a.Code).ToList();
        if (robust.Count == 0) return;
        findings.Add(new EvaluabilityFinding("peu_unites", FindingSeverity.Review, protocol.Analyses.First(a => a.Code == robust[0]).At,
            $"Les analyses {string.Join(", ", robust)} calculent des erreurs robustes au regroupement sur seulement {cluster.Units.Length} unités de regroupement (« {cluster.Label} », moins de {FewClusters}) : leurs intervalles reposent sur peu d'unités et restent approximatifs.",
            "Gardez la variance CR2 avec les degrés de liberté de Bell et McCaffrey (le choix par défaut), interprétez les résultats avec prudence, ou ajoutez des unités."));
    }

    private static bool ClusterRobust(AnalysisSpec analysis)
    {
        if (analysis.Estimator.IsTwoSample()) return false;
        var variance = analysis.Variance ?? (analysis.Estimator.IsLikelihood() ? VarianceChoice.CR1 : VarianceChoice.CR2);
        return variance.IsClusterRobust();
    }

    private static void Coverage(Protocol protocol, List<EvaluabilityFinding> findings)
    {
        var analysed = protocol.Analyses.SelectMany(a => a.OutcomeCodes).ToHashSet(StringComparer.Ordinal);
        foreach (var indicator in protocol.Indicators)
        {
            if (indicator.WaveCodes.IsEmpty)
                findings.Add(new EvaluabilityFinding("jamais_recueilli", FindingSeverity.Review, indicator.At,
                    $"L'indicateur « {indicator.Code} » n'est recueilli à aucune vague.", "Ajoutez « waves: » avec les vagues où il est recueilli, ou retirez-le."));
            else if (indicator.Level == IndicatorLevel.Impact && !analysed.Contains(indicator.Code) && protocol.Groups.Any(g => g.Role == GroupRole.Comparison))
                findings.Add(new EvaluabilityFinding("impact_sans_analyse", FindingSeverity.Review, indicator.At,
                    $"L'indicateur d'impact « {indicator.Code} » n'est utilisé par aucune analyse : il sera décrit, jamais comparé.",
                    "Ajoutez-le aux « outcomes: » d'une analyse, ou donnez-lui le niveau « resultat » s'il sert seulement à décrire."));
        }
        foreach (var wave in protocol.Waves.Where(w => protocol.Indicators.All(i => !i.WaveCodes.Contains(w.Code))))
            findings.Add(new EvaluabilityFinding("vague_vide", FindingSeverity.Information, wave.At,
                $"La vague « {wave.Code} » ne recueille aucun indicateur{(protocol.Covariates.IsEmpty ? "" : " (les caractéristiques de départ se recueillent à l'inscription)")} : elle n'aura pas de classeur de collecte.",
                "C'est normal pour une vague qui date l'inscription ; sinon, ajoutez-la aux « waves: » des indicateurs qu'elle recueille."));
        if (protocol.Dates.Start is not { } start) return;
        foreach (var code in protocol.Analyses.Select(a => a.BaselineWaveCode).OfType<string>().Distinct())
            if (protocol.FindWave(code) is { Schedule.FixedDate: { } date } baseline && date > start)
                findings.Add(new EvaluabilityFinding("reference_tardive", FindingSeverity.Review, baseline.At,
                    $"La vague de référence « {baseline.Code} » est prévue le {FrenchDate.Format(date)}, après le début de l'évaluation ({FrenchDate.Format(start)}) : elle risque de mesurer un début d'effet, pas la situation de départ.",
                    "Avancez la vague de référence avant le début de l'action, ou décalez dates.start."));
    }

    private static void Analysis(Protocol protocol, AnalysisSpec analysis, List<EvaluabilityFinding> findings)
    {
        if (!analysis.Contrasts.IsEmpty && analysis.BaselineWaveCode is null && !analysis.BaselineOutcome && analysis.CovariateCodes.IsEmpty)
            findings.Add(new EvaluabilityFinding("sans_reference", FindingSeverity.Review, analysis.At,
                $"L'analyse « {analysis.Code} » compare les groupes à la vague {analysis.WaveCode} sans mesure de départ ni caractéristique d'inscription : les groupes ne sont pas tirés au sort, un écart peut exister avant l'action.",
                "Ajoutez « baseline_wave: » (une vague avant l'action où l'indicateur est recueilli) ou « covariates: »."));
        if (analysis.OutcomeCodes.Length >= ManyOutcomes && analysis.Multiplicity == Multiplicity.None && analysis.FamilyCode is null)
            findings.Add(new EvaluabilityFinding("multiplicite", FindingSeverity.Review, analysis.At,
                $"L'analyse « {analysis.Code} » teste {analysis.OutcomeCodes.Length} indicateurs sans correction de multiplicité : avec autant de tests, un écart « significatif » peut apparaître par hasard.",
                "Ajoutez « multiplicity: holm » (ou hochberg, bh)."));
    }
}
