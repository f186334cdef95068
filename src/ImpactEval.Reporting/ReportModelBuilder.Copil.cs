using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    /// <summary>
    /// The steering committee's synthesis. Each question is answered by its primary analysis — the one marked
    /// <c>primary: true</c> among the analyses of its indicators, else the first — with that analysis' summary sentence and
    /// chart, so the synthesis says exactly what the detail says (adjusted where the protocol adjusts). The other analyses of
    /// the question are compared with it contrast by contrast: same direction of every published estimate, or how many differ.
    /// </summary>
    private static CopilSection BuildCopil(BuildContext context, ImmutableArray<AnalysisSection> sections, EvidenceSection evidence, ImmutableArray<string> limitations)
    {
        var p = context.Protocol;
        var questions = ImmutableArray.CreateBuilder<CopilQuestion>();
        foreach (var question in p.Questions)
        {
            var indicators = question.Criteria.SelectMany(c => c.IndicatorCodes).ToHashSet(StringComparer.Ordinal);
            var specs = p.Analyses.Where(a => a.OutcomeCodes.Any(indicators.Contains)).ToList();
            if (specs.Count == 0)
            {
                questions.Add(new CopilQuestion(question.Code, question.Text, null,
                    "Aucune analyse ne compare de groupes sur cette question : ses indicateurs sont décrits dans le rapport technique (statistiques descriptives).", null, null));
                continue;
            }
            var primary = specs.FirstOrDefault(s => s.Primary) ?? specs[0];
            var section = sections.Single(s => s.Code == primary.Code);
            var others = specs.Where(s => s != primary).Select(s => s.Code).ToList();
            questions.Add(new CopilQuestion(question.Code, question.Text, primary.Code, section.Summary,
                others.Count == 0 ? null : Complementary(context, sections, primary.Code, others), section.ForestPlot));
        }
        var next = new List<string>();
        var weak = evidence.Items.Where(i => i.Status is "réserve" or "non évalué").Select(i => i.Criterion.ToLowerInvariant()).ToList();
        if (weak.Count > 0) next.Add($"Consolider les points marqués « réserve » ou « non évalué » dans le tableau du niveau de preuve : {string.Join(", ", weak)}.");
        if (context.Plan.Any || context.WithheldEstimates > 0)
            next.Add("Certains résultats ne sont pas publiés (secret statistique) : ils le deviendront si les groupes concernés s'étoffent.");
        next.Add("Lire le rapport technique pour le détail de chaque comparaison, les méthodes et la qualité des données, et poursuivre la collecte selon le calendrier du protocole.");
        return new CopilSection(evidence.Design, evidence.Overall, questions.ToImmutable(), [.. next]);
    }

    /// <summary>
    /// « Les analyses complémentaires A1, A3, A4 vont dans le même sens que l'analyse principale A2 pour 24 estimations
    /// comparées » — or how many of them point the other way. Only estimates the detail publishes on both sides are
    /// compared: the views' own disclosure decision, so the sentence reveals nothing the tables withhold.
    /// </summary>
    private static string Complementary(BuildContext context, ImmutableArray<AnalysisSection> sections, string primaryCode, List<string> others)
    {
        static Dictionary<(string, string), double> Shown(AnalysisSection section) =>
            section.Contrasts.Where(c => c.EffectValue is not null).ToDictionary(c => (c.IndicatorCode, c.ComparisonLabel), c => c.EffectValue!.Value);
        double NullOf(string code) => context.Results.Analyses.Single(a => a.Code == code).Contrasts is { IsEmpty: false } c ? c[0].Scale.NullValue() : 0;
        var primary = Shown(sections.Single(s => s.Code == primaryCode));
        var primaryNull = NullOf(primaryCode);
        int compared = 0, opposite = 0;
        foreach (var code in others)
        {
            var otherNull = NullOf(code);
            foreach (var (key, value) in Shown(sections.Single(s => s.Code == code)))
            {
                if (!primary.TryGetValue(key, out var reference)) continue;
                compared++;
                if ((reference > primaryNull) != (value > otherNull)) opposite++;
            }
        }
        var names = string.Join(", ", others);
        var plural = others.Count > 1;
        if (compared == 0) return $"{(plural ? "Les analyses complémentaires" : "L'analyse complémentaire")} {names} ne {(plural ? "peuvent" : "peut")} pas être comparée{(plural ? "s" : "")} à l'analyse principale {primaryCode} (aucune estimation publiée en commun).";
        return opposite == 0
            ? $"{(plural ? "Les analyses complémentaires" : "L'analyse complémentaire")} {names} {(plural ? "vont" : "va")} dans le même sens que l'analyse principale {primaryCode} pour {French.Counted(compared, "estimation comparée", "estimations comparées")}."
            : $"{(plural ? "Les analyses complémentaires" : "L'analyse complémentaire")} {names} {(plural ? "divergent" : "diverge")} de l'analyse principale {primaryCode} pour {French.Counted(opposite, "estimation", "estimations")} sur {French.Count(compared)} : le résultat dépend de la méthode, à lire avec prudence.";
    }
}
