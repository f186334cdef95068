using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    private static string WeightingN(AnalysisResult a, string group) => $"ponderation/{a.Code}/{group}/n";

    private static string OutsideKey(AnalysisResult a, string comparison, bool focal) => $"ponderation/{a.Code}/{comparison}/hors-support-{(focal ? "focal" : "comparaison")}";

    /// <summary>
    /// Registers the counts of the weighting diagnostics: the participants weighted in each group (linked to the enrolled
    /// and to the enrolled balance sample) and the participants outside the common support of the propensity scores.
    /// </summary>
    private static void RegisterWeighting(BuildContext context, CountLedger ledger)
    {
        foreach (var a in context.Results.Analyses.Where(a => a.Weighting is not null))
        {
            foreach (var g in a.Weighting!.Groups)
            {
                var own = WeightingN(a, g.Group);
                var balance = context.BalanceKeys.GetValueOrDefault(("inscrits", g.Group));
                var key = balance is not null && ledger.ValueOf(balance) == g.N ? balance
                    : ledger.Contains(Keys.Enrolled(g.Group)) ? SameOrOwn(ledger, Keys.Enrolled(g.Group), own, g.N) : ledger.Add(own, g.N);
                if (key == own && ledger.Contains(Keys.Enrolled(g.Group)) && ledger.ValueOf(Keys.Enrolled(g.Group)) >= g.N)
                    ledger.Sum(Keys.Enrolled(g.Group), [key, ledger.Add(own + "/exclus", ledger.ValueOf(Keys.Enrolled(g.Group)) - g.N)]);
                context.WeightingKeys[own] = key;
            }
            foreach (var o in a.Weighting.Overlap)
            {
                ledger.Add(OutsideKey(a, o.ComparisonGroup, true), o.FocalOutside);
                ledger.Add(OutsideKey(a, o.ComparisonGroup, false), o.ComparisonOutside);
            }
        }
    }

    private static WeightingSection? BuildWeighting(BuildContext context, AnalysisResult a)
    {
        if (a.Weighting is not { } w) return null;
        var plan = context.Plan;
        var groupRows = new List<TableRow>();
        var groups = new List<WeightingRowView>();
        var shownGroups = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<string>(w.Warnings);
        var reductions = new List<string>();
        foreach (var g in w.Groups)
        {
            var key = context.WeightingKeys.GetValueOrDefault(WeightingN(a, g.Group)) ?? WeightingN(a, g.Group);
            // The focal group's weights are all 1 (ATT): its effective size is its n, so every statistic goes with n.
            var shown = !plan.IsHidden(key) && plan.AllowsEstimateOn(g.N);
            if (shown) shownGroups.Add(g.Group);
            else context.WithheldEstimates++;
            var label = context.GroupLabel(g.Group);
            var largest = string.Join(" ; ", g.LargestWeights.Select(x => French.Number(x.Weight, 2)));
            groups.Add(new WeightingRowView(label, Cells.CountText(plan, key, g.N),
                shown ? French.Number(g.EffectiveSampleSize, 1) : French.Suppressed,
                shown ? French.Number(g.MaximumWeight, 2) : French.Suppressed,
                shown ? largest : French.Suppressed,
                shown ? (double.IsFinite(g.CoefficientOfVariation) ? French.Number(g.CoefficientOfVariation, 2) : French.NotAvailable) : French.Suppressed));
            groupRows.Add(new TableRow([
                context.GroupCell(g.Group), Cells.Count(plan, key, g.N),
                Cells.Number(g.EffectiveSampleSize, 1, shown), Cells.Number(g.MaximumWeight, 2, shown),
                Cells.Text(shown ? largest : French.Suppressed), Cells.Number(g.CoefficientOfVariation, 2, shown)]));
            if (shown)
            {
                warnings.AddRange(g.Warnings);
                if (g.Group != context.Protocol.FocalGroup.Code)
                    reductions.Add($"{Quote(label)} : {French.Number(g.EffectiveSampleSize, 1)} pour {French.Counted(g.N, "participant", "participants")} ({French.Percent(g.EffectiveSampleSize / g.N, 0)})");
            }
        }
        var overlapRows = new List<TableRow>();
        var overlap = new List<OverlapRowView>();
        foreach (var o in w.Overlap)
        {
            var shown = shownGroups.Contains(o.FocalGroup) && shownGroups.Contains(o.ComparisonGroup);
            var label = context.GroupLabel(o.ComparisonGroup);
            var focalLabel = context.GroupLabel(o.FocalGroup);
            var focalOutside = Cells.Count(plan, OutsideKey(a, o.ComparisonGroup, true), o.FocalOutside);
            var comparisonOutside = Cells.Count(plan, OutsideKey(a, o.ComparisonGroup, false), o.ComparisonOutside);
            var any = o.CommonSupportLower <= o.CommonSupportUpper;
            string Range(double lo, double hi) => shown ? French.Bounds(lo, hi, 2) : French.Suppressed;
            var support = !shown ? French.Suppressed : any ? French.Bounds(o.CommonSupportLower, o.CommonSupportUpper, 2) : "aucun";
            string sentence;
            if (!shown) sentence = $"Le recouvrement des scores de propension entre le groupe {Quote(focalLabel)} et le groupe {Quote(label)} n'est pas publié (secret statistique).";
            else if (!any) sentence = $"Les scores de propension du groupe {Quote(focalLabel)} et du groupe {Quote(label)} ne se recouvrent pas : la comparaison pondérée repose entièrement sur une extrapolation.";
            else if (o.FocalOutside + o.ComparisonOutside == 0) sentence = $"Tous les participants du groupe {Quote(focalLabel)} et du groupe {Quote(label)} ont un score de propension dans le support commun {support}.";
            else sentence = $"Entre le groupe {Quote(focalLabel)} et le groupe {Quote(label)}, des participants ont un score de propension hors du support commun {support} (bénéficiaires : {focalOutside.Text} ; groupe de comparaison : {comparisonOutside.Text}) : pour eux, la comparaison repose sur une extrapolation.";
            overlap.Add(new OverlapRowView(label, Range(o.FocalMinimum, o.FocalMaximum), Range(o.ComparisonMinimum, o.ComparisonMaximum), support, focalOutside.Text, comparisonOutside.Text, sentence));
            overlapRows.Add(new TableRow([
                context.GroupCell(o.ComparisonGroup), Cells.Text(Range(o.FocalMinimum, o.FocalMaximum)), Cells.Text(Range(o.ComparisonMinimum, o.ComparisonMaximum)), Cells.Text(support),
                focalOutside, comparisonOutside]));
        }
        var table = new ReportTable($"ponderation-{Slug(a.Code)}", $"{a.Code} — diagnostic des poids (score de propension)", context.Sheet($"Poids {a.Code}"),
            "Poids ATT : chaque famille bénéficiaire pèse 1 ; une famille d'un groupe de comparaison pèse d'autant plus qu'elle ressemble aux familles bénéficiaires. Taille effective (Kish) : nombre de participants qu'un échantillon non pondéré de même précision compterait. Des poids très dispersés (coefficient de variation élevé, quelques très grands poids) réduisent la précision.",
            [new("Groupe", CellKind.Text), new("Participants pondérés", CellKind.Count), new("Taille effective", CellKind.Number), new("Poids maximal", CellKind.Number),
             new("Plus grands poids", CellKind.Text), new("Coefficient de variation", CellKind.Number)],
            [.. groupRows], InWorkbook: true);
        var overlapTable = new ReportTable($"recouvrement-{Slug(a.Code)}", $"{a.Code} — recouvrement des scores de propension", context.Sheet($"Recouvrement {a.Code}"),
            "Score de propension : probabilité, estimée d'après les caractéristiques mesurées au départ, d'appartenir au groupe bénéficiaire plutôt qu'au groupe de comparaison. Support commun : plage des scores où l'on trouve des participants des deux groupes ; hors de cette plage, aucune famille comparable n'a été observée.",
            [new("Groupe de comparaison", CellKind.Text), new("Scores des bénéficiaires", CellKind.Text), new("Scores du groupe de comparaison", CellKind.Text),
             new("Support commun", CellKind.Text), new("Bénéficiaires hors support", CellKind.Count), new("Comparaison hors support", CellKind.Count)],
            [.. overlapRows], InWorkbook: true);
        var worst = w.Groups.Where(g => shownGroups.Contains(g.Group) && g.N > 0).Select(g => g.EffectiveSampleSize / g.N).DefaultIfEmpty(1).Min();
        var summary = (reductions.Count > 0 ? $"Après pondération, taille effective des groupes de comparaison — {string.Join(" ; ", reductions)}. " : "")
                      + (worst < 0.5
                          ? "La pondération réduit fortement la taille effective d'au moins un groupe (moins de la moitié de ses participants) : quelques familles pèsent beaucoup et les estimations pondérées sont moins précises."
                          : "La pondération conserve au moins la moitié de la taille effective de chaque groupe.");
        return new WeightingSection(summary, [.. groups], [.. overlap], [.. warnings.Distinct(StringComparer.Ordinal)], table, overlapTable);
    }
}
