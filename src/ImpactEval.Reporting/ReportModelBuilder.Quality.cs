using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    private static DataQualitySection BuildDataQuality(BuildContext context, DescriptivesSection descriptives, ImmutableArray<AnalysisSection> analyses)
    {
        var plan = context.Plan;
        var p = context.Protocol;
        var missingRows = new List<TableRow>();
        foreach (var d in context.Results.Descriptives)
        {
            var indicator = p.FindIndicator(d.Indicator);
            foreach (var g in Due(p, d))
            {
                var nKey = Keys.DescN(d.Indicator, d.Wave, g.Group);
                var mKey = Keys.DescMissing(d.Indicator, d.Wave, g.Group);
                var total = g.N + g.Missing;
                var rateShown = !plan.IsHidden(mKey) && !plan.IsHidden(nKey) && total > 0;
                missingRows.Add(new TableRow([
                    Cells.Text(indicator?.Label ?? d.Indicator), context.WaveCodeCell(d.Wave), context.GroupCell(g.Group),
                    Cells.Count(plan, nKey, g.N), Cells.Count(plan, mKey, g.Missing),
                    Cells.Percent(total > 0 ? (double)g.Missing / total : double.NaN, 1, rateShown)]));
            }
        }
        var missingTable = new ReportTable("valeurs-manquantes", "Valeurs manquantes par indicateur, temps de mesure et groupe", context.Sheet("Valeurs manquantes"),
            "Valeurs manquantes : participants inscrits dans le groupe sans valeur pour cet indicateur à ce temps de mesure. Un indicateur réservé à certains groupes n’est attendu que pour eux.",
            [new("Indicateur", CellKind.Text), new("Temps", CellKind.Text), new("Groupe", CellKind.Text), new("Valeurs présentes", CellKind.Count),
             new("Valeurs manquantes", CellKind.Count), new("Part manquante", CellKind.Percent)],
            [.. missingRows], InWorkbook: true);

        ReportTable? lateTable = null;
        var fixedWaves = FlowWaves(context).Where(w => w.Schedule.FixedDate is not null).ToList();
        var lateTotal = 0;
        if (fixedWaves.Count > 0)
        {
            var groups = context.Results.Flow.Groups;
            var rows = new List<TableRow>();
            var codes = groups.Select(g => (g.Group, context.GroupLabel(g.Group), false)).ToList();
            if (groups.Length >= 2) codes.Add((Keys.Total, "Ensemble", true));
            foreach (var (code, label, isTotal) in codes)
            {
                var cells = new List<TableCell> { isTotal ? Cells.Text(label) : context.GroupCell(code) };
                foreach (var w in fixedWaves)
                {
                    var late = code == Keys.Total
                        ? groups.Sum(g => g.Waves.FirstOrDefault(c => c.Wave == w.Code)?.Late ?? 0)
                        : groups.First(g => g.Group == code).Waves.FirstOrDefault(c => c.Wave == w.Code)?.Late ?? 0;
                    if (!isTotal) lateTotal += late;
                    cells.Add(Cells.Count(plan, Keys.Late(code, w.Code), late));
                }
                rows.Add(new TableRow([.. cells], isTotal));
            }
            lateTable = new ReportTable("collectes-tardives", "Mesures collectées après la fenêtre prévue", context.Sheet("Collectes tardives"),
                "Participants dont les valeurs ont été collectées après la fin de la fenêtre de collecte du temps de mesure.",
                [new("Groupe", CellKind.Text), .. fixedWaves.Select(w => new TableColumn($"Tardifs {w.Code}", CellKind.Count))],
                [.. rows], InWorkbook: true);
        }

        var notes = new List<string>();
        var totalMissing = context.Results.Descriptives.SelectMany(d => Due(p, d)).Sum(g => g.Missing);
        var totalValues = context.Results.Descriptives.SelectMany(d => Due(p, d)).Sum(g => g.N + g.Missing);
        if (totalValues > 0)
            notes.Add($"Sur l'ensemble des indicateurs et des temps de mesure, {French.Percent((double)totalMissing / totalValues)} des valeurs attendues sont manquantes.");
        if (fixedWaves.Count > 0)
            notes.Add(lateTotal == 0 ? "Aucune mesure n'a été collectée après la fenêtre prévue." : "Certaines mesures ont été collectées après la fenêtre prévue (voir le tableau) : elles peuvent refléter une situation plus tardive que celle visée.");
        var failed = context.Results.Analyses.SelectMany(a => a.Contrasts).Count(c => c.Effect is null);
        if (failed > 0) notes.Add($"{French.Counted(failed, "contraste n'a pas pu être estimé", "contrastes n'ont pas pu être estimés")} (la raison est donnée dans le tableau de l'analyse).");

        // Only the warnings of published estimates: a warning about a withheld group could tell its size.
        var warnings = descriptives.Indicators.SelectMany(i => i.Rows).SelectMany(r => r.Warnings)
            .Concat(analyses.SelectMany(a => a.Contrasts).SelectMany(c => c.Warnings))
            .Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new DataQualitySection([.. notes], warnings, missingTable, lateTable);
    }

    /// <summary>The groups of a descriptive for which the indicator's values are due (results stored before <c>groups:</c> may hold others).</summary>
    private static IEnumerable<Analysis.Results.GroupDescriptives> Due(Protocol p, Analysis.Results.IndicatorDescriptives d) =>
        p.FindIndicator(d.Indicator) is { } indicator ? d.Groups.Where(g => indicator.AppliesTo(g.Group)) : d.Groups;

    private static EvidenceSection BuildEvidence(BuildContext context, BalanceSection? balance, AttritionSection? attrition)
    {
        var p = context.Protocol;
        var items = new List<EvidenceItem>();
        var hasComparison = p.Groups.Any(g => g.Role == GroupRole.Comparison);
        items.Add(hasComparison
            ? new EvidenceItem("Plan d'évaluation", "Groupes de comparaison constitués sans tirage au sort (plan quasi expérimental) : les écarts observés sont des associations, que d'autres différences entre les familles peuvent expliquer en partie.", "réserve")
            : new EvidenceItem("Plan d'évaluation", "Aucun groupe de comparaison : l'évaluation décrit l'évolution des bénéficiaires sans pouvoir estimer ce qui se serait passé sans l'action.", "réserve"));

        var bands = context.AnalyticBands;
        if (balance is null || bands.Count == 0)
            items.Add(new EvidenceItem("Équivalence initiale des groupes", balance is null
                ? "Non évaluée : les résultats ne comportent pas de comparaison des caractéristiques initiales des groupes (aucune caractéristique déclarée, ou aucune comparaison publiable)."
                : balance.Summary, "non évalué"));
        else if (bands.Any(b => b.Band == Statistics.WwcEquivalenceBand.NotSatisfied))
            items.Add(new EvidenceItem("Équivalence initiale des groupes", balance.Summary + " Les groupes différaient nettement au départ sur au moins une caractéristique : les écarts estimés peuvent en partie refléter ces différences, qu'un ajustement statistique ne suffit pas à compenser au-delà de 0,25 selon le What Works Clearinghouse.", "réserve"));
        else if (bands.Any(b => b.Band == Statistics.WwcEquivalenceBand.RequiresStatisticalAdjustment))
        {
            // WWC: a difference between 0.05 and 0.25 is acceptable only if every impact model adjusts for that characteristic.
            var needed = bands.Where(b => b.Band == Statistics.WwcEquivalenceBand.RequiresStatisticalAdjustment).Select(b => b.Covariate).ToHashSet(StringComparer.Ordinal);
            var models = p.Analyses.Where(a => a.Estimator != Estimator.DifferenceInDifferences).ToList();
            items.Add(models.Count > 0 && models.All(a => a.Estimator != Estimator.DifferenceInMeans && needed.IsSubsetOf(a.CovariateCodes))
                ? new EvidenceItem("Équivalence initiale des groupes", balance.Summary + " Les différences initiales restent modérées, et les analyses ajustent sur les caractéristiques concernées.", "satisfait sous réserve d'ajustement")
                : new EvidenceItem("Équivalence initiale des groupes", balance.Summary + " Les différences initiales restent modérées, à condition que les analyses ajustent sur les caractéristiques concernées, ce que toutes ne font pas.", "réserve"));
        }
        else if (bands.Any(b => b.Band is null))
            items.Add(new EvidenceItem("Équivalence initiale des groupes", balance.Summary + " L'écart n'a pas pu être calculé pour au moins une caractéristique.", "réserve"));
        else
            items.Add(new EvidenceItem("Équivalence initiale des groupes", balance.Summary, "satisfait"));

        if (attrition is null)
            items.Add(new EvidenceItem("Attrition", "Non évaluée selon les limites du What Works Clearinghouse ; le flux des participants donne l'attrition observée par groupe.", "non évalué"));
        else if (attrition.Rows.All(r => r.IsLowCautious))
            items.Add(new EvidenceItem("Attrition", attrition.Summary, "satisfait"));
        else if (attrition.Rows.All(r => r.IsLowOptimistic))
            items.Add(new EvidenceItem("Attrition", attrition.Summary + " L'attrition n'est faible que selon la limite optimiste, qui suppose que le dispositif n'influe pas sur qui reste suivi.", "réserve"));
        else
            items.Add(new EvidenceItem("Attrition", attrition.Summary, "réserve"));

        // Without any contrast (changes of one group only), group sizes and multiplicity are about comparisons that are not made.
        var compares = context.Results.Analyses.Any(a => !a.Contrasts.IsEmpty);
        var smallest = context.Results.Flow.Groups.Select(g => g.Enrolled).DefaultIfEmpty(0).Min();
        items.Add(!compares
            ? new EvidenceItem("Taille des groupes", "Aucune comparaison entre groupes : sans objet.", French.NotApplicable)
            : smallest < ContrastInterpretation.SmallGroup
            ? new EvidenceItem("Taille des groupes", "Au moins un groupe compte peu de participants : seuls des écarts importants peuvent être mis en évidence, et les résultats sont fragiles.", "réserve")
            : new EvidenceItem("Taille des groupes", "Chaque groupe compte au moins " + French.Counted(ContrastInterpretation.SmallGroup, "participant", "participants") + ".", "satisfait"));

        var unadjusted = p.Analyses.Where(a => a.OutcomeCodes.Length > 1 && a.Multiplicity == Multiplicity.None).Select(a => a.Code).ToList();
        items.Add(!compares
            ? new EvidenceItem("Comparaisons multiples", "Aucune comparaison entre groupes : sans objet.", French.NotApplicable)
            : unadjusted.Count > 0
            ? new EvidenceItem("Comparaisons multiples", $"Les analyses {string.Join(", ", unadjusted)} testent plusieurs indicateurs sans corriger les p-valeurs : un écart isolé peut être dû au hasard.", "réserve")
            : new EvidenceItem("Comparaisons multiples", "Quand une analyse porte sur plusieurs indicateurs, ses p-valeurs sont corrigées pour le nombre d'indicateurs.", "satisfait"));

        // "At comparable characteristics" only when at least one analysis actually adjusted for covariates.
        var adjustedAnalyses = context.Results.Analyses.Any(a => Adjusts(a, p.Analyses.FirstOrDefault(s => s.Code == a.Code))
            && a.Contrasts.Any(c => c.Effect is { IsEstimable: true }));
        var overall = hasComparison
            ? adjustedAnalyses
                ? "Au mieux, ce plan permet de décrire des écarts entre groupes associés au dispositif, ajustés sur les caractéristiques mesurées au départ ; il ne permet pas à lui seul d'attribuer ces écarts au dispositif, car des différences non mesurées entre les familles peuvent subsister."
                : "Ce plan permet de décrire des écarts bruts entre groupes, sans tenir compte de leurs différences de départ ; il ne permet pas d'attribuer ces écarts au dispositif."
            : "Ce plan permet de décrire l'évolution des bénéficiaires ; il ne permet pas d'estimer l'effet du dispositif.";
        if (items.Any(i => i.Status is "réserve" or "non évalué")) overall += " Les réserves et les points non évalués de l'appréciation du niveau de preuve invitent à une lecture prudente.";
        return new EvidenceSection(context.Protocol is var pr ? DesignText(pr) : "", [.. items], overall);
    }

    private static ImmutableArray<string> BuildLimitations(BuildContext context)
    {
        var list = new List<string>(context.Results.Notes);
        var smallest = context.Results.Flow.Groups.Select(g => g.Enrolled).DefaultIfEmpty(0).Min();
        if (smallest < ContrastInterpretation.SmallGroup)
            list.Add("Certains groupes sont petits : les intervalles de confiance sont larges et seuls des écarts importants peuvent être détectés.");
        if (context.Plan.Any || context.WithheldEstimates > 0)
            list.Add("Pour préserver l'anonymat des familles, certaines valeurs et estimations ne sont pas publiées (secret statistique).");
        if (context.Results.Balance.IsDefaultOrEmpty && context.Protocol.Groups.Any(g => g.Role == GroupRole.Comparison))
            list.Add("L'équilibre initial des groupes n'est pas présenté : on ne peut pas vérifier ici que les groupes se ressemblaient au départ.");
        if (context.Protocol.Indicators.Any(i => i.Respondent is { } r && r.Contains("enseignant", StringComparison.OrdinalIgnoreCase)))
            list.Add("Plusieurs indicateurs reposent sur l'appréciation des enseignant·es, qui peuvent savoir quelles familles ont bénéficié du dispositif : leur regard peut en être influencé.");
        return [.. list.Distinct(StringComparer.Ordinal)];
    }
}
