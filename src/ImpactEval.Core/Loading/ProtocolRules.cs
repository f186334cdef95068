using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Core.Loading;

/// <summary>
/// The second pass of protocol loading: rules that span sections (references to codes, duplicate codes,
/// one focal group, analyses coherent with the indicators and waves they use).
/// </summary>
internal static class ProtocolRules
{
    public static void Check(Protocol protocol, IReadOnlyList<Reference> references, ProblemSink sink)
    {
        CheckDuplicates(protocol.Indicators.Select(i => (i.Code, i.At)), "indicateur", sink);
        CheckDuplicates(protocol.Groups.Select(g => (g.Code, g.At)), "groupe", sink);
        CheckDuplicates(protocol.Waves.Select(w => (w.Code, w.At)), "vague", sink);
        CheckDuplicates(protocol.Covariates.Select(c => (c.Code, c.At)), "covariable", sink);
        CheckDuplicates(protocol.Analyses.Select(a => (a.Code, a.At)), "analyse", sink);
        CheckDuplicates(protocol.MultipleChoices.Select(q => (q.Code, q.At)), "question à choix multiples", sink);
        foreach (var clash in protocol.Covariates.Where(c => protocol.FindIndicator(c.Code) is not null))
            sink.Error(clash.At, $"Le code « {clash.Code} » désigne à la fois un indicateur et une covariable.", "Donnez des codes distincts : ils servent d'en-têtes de colonnes à l'import.");

        CheckReferences(protocol, references, sink);
        CheckGroups(protocol, sink);
        CheckWaves(protocol, sink);
        CheckIndicatorsUsed(protocol, sink);
        foreach (var analysis in protocol.Analyses) CheckAnalysis(protocol, analysis, sink);
        CheckMultipleChoices(protocol, sink);
        if (protocol.Dates is { Start: { } start, End: { } end } && start > end)
            sink.Error(SourcePosition.Start, "La date de début de l'évaluation est postérieure à sa date de fin.", "Vérifiez dates.start et dates.end.");
    }

    private static void CheckDuplicates(IEnumerable<(string Code, SourcePosition At)> items, string kind, ProblemSink sink)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, at) in items)
        {
            if (code.Length == 0) continue;
            if (seen.TryGetValue(code, out var first))
                sink.Error(at, $"Le code « {code} » ({kind}) est déjà utilisé ligne {first.Line}.", "Chaque code doit être unique (sans tenir compte des majuscules).");
            else seen[code] = at;
        }
    }

    private static void CheckReferences(Protocol protocol, IReadOnlyList<Reference> references, ProblemSink sink)
    {
        foreach (var reference in references)
        {
            // Article and agreement of each kind: « un indicateur … défini », « une vague … définie ».
            var (known, kind, defined) = reference.Kind switch
            {
                ReferenceKind.Indicator => (protocol.Indicators.Select(i => i.Code), "un indicateur", "défini"),
                ReferenceKind.Wave => (protocol.Waves.Select(w => w.Code), "une vague", "définie"),
                ReferenceKind.Covariate => (protocol.Covariates.Select(c => c.Code), "une covariable", "définie"),
                _ => (protocol.Groups.Select(g => g.Code), "un groupe", "défini"),
            };
            var codes = known.ToList();
            if (codes.Contains(reference.Code))
            {
                CheckGroupRole(protocol, reference, sink);
                continue;
            }
            var closest = TextKey.Closest(reference.Code, codes);
            var declared = codes.Count == 0 ? "aucun code de ce type n'est déclaré" : $"codes déclarés : {string.Join(", ", codes)}";
            sink.Error(reference.At, $"{ProtocolLoader.Capitalise(reference.Where)} fait référence à {kind} « {reference.Code} » qui n'est pas {defined}.",
                closest is not null ? $"Vouliez-vous dire « {closest} » ? ({declared})" : ProtocolLoader.Capitalise(declared) + ".");
        }
    }

    private static void CheckGroupRole(Protocol protocol, Reference reference, ProblemSink sink)
    {
        var group = protocol.FindGroup(reference.Code);
        if (group is null) return;
        if (reference.Kind == ReferenceKind.FocalGroup && group.Role != GroupRole.Focal)
            sink.Error(reference.At, $"Dans {reference.Where}, « {group.Code} » est placé comme groupe focal mais son rôle est « comparison ».", "Le groupe focal d'un contraste est celui qui bénéficie de l'action.");
        if (reference.Kind == ReferenceKind.ComparisonGroup && group.Role != GroupRole.Comparison)
            sink.Error(reference.At, $"Dans {reference.Where}, « {group.Code} » est placé comme groupe de comparaison mais son rôle est « focal ».");
    }

    private static void CheckGroups(Protocol protocol, ProblemSink sink)
    {
        var focal = protocol.Groups.Where(g => g.Role == GroupRole.Focal).ToList();
        if (protocol.Groups.Length > 0 && focal.Count == 0)
            sink.Error(protocol.Groups[0].At, "Aucun groupe n'a le rôle « focal » : il faut désigner le groupe qui bénéficie de l'action.", "Ajoutez « role: focal » au groupe des bénéficiaires.");
        foreach (var extra in focal.Skip(1))
            sink.Error(extra.At, $"Le groupe « {extra.Code} » est un second groupe focal : un protocole compare un seul groupe focal à ses groupes de comparaison.",
                "Donnez-lui le rôle « comparison » ou décrivez une seconde évaluation dans un autre protocole.");
        if (focal.Count == 1 && protocol.Groups.All(g => g.Role != GroupRole.Comparison))
            sink.Warning(focal[0].At, "Aucun groupe de comparaison : l'évaluation pourra décrire les bénéficiaires mais pas estimer d'effet.",
                "Ajoutez au moins un groupe « role: comparison » pour mesurer un impact.");
    }

    private static void CheckWaves(Protocol protocol, ProblemSink sink)
    {
        for (var i = 1; i < protocol.Waves.Length; i++)
        {
            var (previous, current) = (protocol.Waves[i - 1].Schedule, protocol.Waves[i].Schedule);
            if (previous.FixedDate is { } a && current.FixedDate is { } b && b < a)
                sink.Error(protocol.Waves[i].At, $"La vague « {protocol.Waves[i].Code} » est datée avant la vague précédente « {protocol.Waves[i - 1].Code} ».", "Déclarez les vagues dans l'ordre du temps.");
            if (previous.OffsetDays is { } c && current.OffsetDays is { } d && d < c)
                sink.Error(protocol.Waves[i].At, $"La vague « {protocol.Waves[i].Code} » a un délai plus court que la vague précédente « {protocol.Waves[i - 1].Code} ».", "Déclarez les vagues dans l'ordre du temps.");
        }
    }

    private static void CheckIndicatorsUsed(Protocol protocol, ProblemSink sink)
    {
        if (protocol.Questions.IsEmpty) return;
        var used = protocol.Questions.SelectMany(q => q.Criteria).SelectMany(c => c.IndicatorCodes).ToHashSet();
        foreach (var indicator in protocol.Indicators.Where(i => !used.Contains(i.Code)))
            sink.Warning(indicator.At, $"L'indicateur « {indicator.Code} » n'est rattaché à aucun critère de jugement.", "Rattachez-le à une question évaluative, ou retirez-le s'il ne sert pas.");
    }

    /// <summary>
    /// Multiple-choice questions: a code of their own, binary options, each indicator an option of one question at most,
    /// no option twice in a question.
    /// </summary>
    private static void CheckMultipleChoices(Protocol protocol, ProblemSink sink)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in protocol.MultipleChoices)
        {
            var what = $"la question à choix multiples « {question.Code} »";
            if (protocol.FindIndicator(question.Code) is not null)
                sink.Error(question.At, $"Le code « {question.Code} » désigne à la fois un indicateur et une question à choix multiples.",
                    "Donnez à la question un code distinct de ceux de ses options (par exemple PILOTAGE pour les options PILOTAGE_PRINCIPAL, PILOTAGE_DELEGUE…).");
            foreach (var code in question.OptionCodes.Distinct(StringComparer.Ordinal))
            {
                if (question.OptionCodes.Count(c => c == code) > 1)
                    sink.Error(question.At, $"L'option « {code} » apparaît plusieurs fois dans {what}.", "Gardez une seule occurrence.");
                var indicator = protocol.FindIndicator(code);
                if (indicator is null) continue; // reported with the references
                if (indicator.Scale.Type != ValueType.Binary)
                    sink.Error(indicator.At, $"L'indicateur « {code} » est une option de {what} mais il est de type « {Vocabulary.WordFor(Vocabulary.Types, indicator.Scale.Type)} ».",
                        "Une option se coche ou non : déclarez-la « type: binary » (1 = cochée, 0 = non cochée).");
                if (owner.TryGetValue(code, out var first))
                    sink.Error(question.At, $"L'indicateur « {code} » est déjà une option de la question à choix multiples « {first} ».",
                        "Une option appartient à une seule question : créez un autre indicateur si la même réponse revient ailleurs.");
                else owner[code] = question.Code;
            }
        }
    }

    private static void CheckAnalysis(Protocol protocol, AnalysisSpec analysis, ProblemSink sink)
    {
        var what = $"l'analyse « {analysis.Code} »";
        var wave = protocol.FindWave(analysis.WaveCode);
        var baseline = analysis.BaselineWaveCode is null ? null : protocol.FindWave(analysis.BaselineWaveCode);
        if (wave is not null && baseline is not null && baseline.Order >= wave.Order)
            sink.Error(analysis.At, $"Dans {what}, la vague de référence « {baseline.Code} » doit précéder la vague analysée « {wave.Code} ».");
        if (analysis.Estimator.IsChange() && analysis.BaselineWaveCode is null)
            sink.Error(analysis.At, analysis.Estimator == Estimator.PairedChange
                    ? $"{ProtocolLoader.Capitalise(what)} mesure une évolution (paired_change) sans vague de référence."
                    : $"{ProtocolLoader.Capitalise(what)} utilise les doubles différences (did) sans vague de référence.",
                "Ajoutez « baseline_wave: » : la vague avant l'action.");
        if (analysis.Estimator == Estimator.PairedChange && !analysis.CovariateCodes.IsEmpty)
            sink.Error(analysis.At, $"Dans {what}, l'évolution observée (paired_change) n'ajuste sur aucune covariable : elle décrit le changement des mêmes participants entre deux vagues.",
                "Retirez « covariates: », ou choisissez did ou ancova pour comparer des groupes en ajustant.");
        if (analysis.Contrasts.IsEmpty && protocol.Groups.Any(g => g.Role == GroupRole.Comparison))
            sink.Error(analysis.At, $"{ProtocolLoader.Capitalise(what)} ne compare aucun groupe.");
        if (analysis.Estimator is Estimator.Ancova or Estimator.Lin or Estimator.Weighting or Estimator.ClusterBootstrap && analysis.CovariateCodes.IsEmpty && analysis.BaselineWaveCode is null)
            sink.Warning(analysis.At, $"{ProtocolLoader.Capitalise(what)} n'ajuste sur aucune covariable : l'estimateur revient à une simple différence de moyennes.",
                "Ajoutez « covariates: » (caractéristiques mesurées avant l'action).");

        foreach (var code in analysis.OutcomeCodes)
        {
            var indicator = protocol.FindIndicator(code);
            if (indicator is null) continue;
            if (wave is not null && !indicator.WaveCodes.Contains(wave.Code))
                sink.Error(analysis.At, $"Dans {what}, l'indicateur « {code} » n'est pas collecté à la vague « {wave.Code} ».",
                    $"Ajoutez {wave.Code} aux vagues de l'indicateur, ou choisissez une vague parmi : {string.Join(", ", indicator.WaveCodes)}.");
            if (baseline is not null && analysis.Estimator.IsChange() && !indicator.WaveCodes.Contains(baseline.Code))
                sink.Error(analysis.At, $"Dans {what}, {(analysis.Estimator == Estimator.PairedChange ? "l'évolution" : "les doubles différences")} demande{(analysis.Estimator == Estimator.PairedChange ? "" : "nt")} l'indicateur « {code} » à la vague de référence « {baseline.Code} », où il n'est pas collecté.");
            if (analysis.Estimator == Estimator.OrderedLogit && indicator.Scale.Type != ValueType.Ordinal)
                sink.Error(analysis.At, $"Dans {what}, le logit ordonné demande un indicateur ordinal ; « {code} » est de type « {Vocabulary.WordFor(Vocabulary.Types, indicator.Scale.Type)} ».");
            if (analysis.BaselineOutcome && baseline is not null && !indicator.WaveCodes.Contains(baseline.Code))
                sink.Error(analysis.At, $"Dans {what}, « baseline: outcome » demande l’indicateur « {code} » à la vague de référence « {baseline.Code} », où il n’est pas collecté.",
                    $"Ajoutez {baseline.Code} aux vagues de l’indicateur, ou retirez « baseline: outcome ».");
            if (analysis.Estimator is Estimator.RiskDifference or Estimator.RiskRatio && indicator.Scale.Type != ValueType.Binary)
                sink.Error(analysis.At, $"Dans {what}, l’estimateur « {Vocabulary.WordFor(Vocabulary.Estimators, analysis.Estimator)} » compare des proportions et demande un indicateur binaire ; « {code} » est de type « {Vocabulary.WordFor(Vocabulary.Types, indicator.Scale.Type)} ».",
                    "Choisissez difference_in_means, ancova ou wilcoxon pour un indicateur qui n’est pas binaire.");
            if (analysis.Estimator == Estimator.Logistic && indicator.Scale.Type != ValueType.Binary)
                sink.Error(analysis.At, $"Dans {what}, la régression logistique demande un indicateur binaire ; « {code} » est de type « {Vocabulary.WordFor(Vocabulary.Types, indicator.Scale.Type)} ».");
            if (indicator.Scale.Type == ValueType.Categorical)
                sink.Error(analysis.At, $"Dans {what}, « {code} » est catégoriel (sans ordre) : une différence de moyennes n'a pas de sens.",
                    "Décrivez-le par sa répartition, ou recodez-le en indicateurs binaires.");
        }
    }
}
