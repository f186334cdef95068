using System.Collections.Immutable;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    private static string BandText(EquivalenceBand? band) => band switch
    {
        EquivalenceBand.Satisfied => "équivalence satisfaite",
        EquivalenceBand.RequiresStatisticalAdjustment => "ajustement statistique requis",
        EquivalenceBand.NotSatisfied => "équivalence non satisfaite",
        _ => "non calculable",
    };

    private static void RegisterBalance(BuildContext context, CountLedger ledger)
    {
        foreach (var b in context.Supplements.Balance.IsDefault ? [] : context.Supplements.Balance)
        {
            ledger.Add($"equilibre/{b.Covariate}/{b.ComparisonGroup}/focal", b.NFocal);
            ledger.Add($"equilibre/{b.Covariate}/{b.ComparisonGroup}/comparaison", b.NComparison);
        }
    }

    private static BalanceSection? BuildBalance(BuildContext context)
    {
        var input = context.Supplements.Balance;
        if (input.IsDefaultOrEmpty) return null;
        var plan = context.Plan;
        var rows = new List<TableRow>();
        var views = new List<BalanceRowView>();
        var plotRows = new List<LovePlot.Row>();
        foreach (var covariate in input.Select(b => b.Covariate).Distinct())
        {
            var points = new List<LovePlot.Point>();
            foreach (var b in input.Where(b => b.Covariate == covariate))
            {
                var binary = context.Protocol.FindCovariate(b.Covariate)?.Scale.Type == Core.Model.ValueType.Binary;
                // A binary covariate's share times n is a count: shares are shown only for groups at or above the threshold.
                var focalShown = plan.AllowsEstimateOn(b.NFocal) && !plan.IsHidden($"equilibre/{b.Covariate}/{b.ComparisonGroup}/focal");
                var comparisonShown = plan.AllowsEstimateOn(b.NComparison) && !plan.IsHidden($"equilibre/{b.Covariate}/{b.ComparisonGroup}/comparaison");
                var shown = focalShown && comparisonShown;
                if (!shown) context.WithheldEstimates++;
                string Mean(double v, bool ok) => !ok ? French.Suppressed : binary ? French.Percent(v) : French.Number(v, 2);
                var label = context.CovariateLabel(b.Covariate);
                var comparison = context.GroupLabel(b.ComparisonGroup);
                views.Add(new BalanceRowView(label, comparison, Mean(b.MeanFocal, focalShown), Mean(b.MeanComparison, comparisonShown),
                    shown ? French.Number(b.Difference, 2) : French.Suppressed,
                    b.WeightedDifference is { } w ? (shown ? French.Number(w, 2) : French.Suppressed) : null,
                    shown ? BandText(b.Band) : French.Suppressed));
                rows.Add(new TableRow([
                    Cells.Text(label), Cells.Text(comparison),
                    Cells.Count(plan, $"equilibre/{b.Covariate}/{b.ComparisonGroup}/focal", b.NFocal),
                    Cells.Count(plan, $"equilibre/{b.Covariate}/{b.ComparisonGroup}/comparaison", b.NComparison),
                    binary ? Cells.Percent(b.MeanFocal, 1, focalShown) : Cells.Number(b.MeanFocal, 2, focalShown),
                    binary ? Cells.Percent(b.MeanComparison, 1, comparisonShown) : Cells.Number(b.MeanComparison, 2, comparisonShown),
                    Cells.Number(b.Difference, 2, shown),
                    b.WeightedDifference is { } wd ? Cells.Number(wd, 2, shown) : Cells.Missing(CellKind.Number, 2),
                    Cells.Text(shown ? BandText(b.Band) : French.Suppressed)]));
                if (shown)
                {
                    points.Add(new LovePlot.Point(context.Style(b.ComparisonGroup), b.Difference, false));
                    if (b.WeightedDifference is { } wp) points.Add(new LovePlot.Point(context.Style(b.ComparisonGroup), wp, true));
                }
            }
            plotRows.Add(new LovePlot.Row(context.CovariateLabel(covariate), points));
        }
        var table = new ReportTable("equilibre", "Équilibre initial des caractéristiques entre groupes", context.Sheet("Équilibre initial"),
            "Différence standardisée (groupe bénéficiaire − groupe de comparaison) ; seuils du What Works Clearinghouse : au plus 0,05 en valeur absolue, équivalence satisfaite ; de 0,05 à 0,25, ajustement statistique requis ; au-delà de 0,25, équivalence non satisfaite.",
            [new("Caractéristique", CellKind.Text), new("Groupe de comparaison", CellKind.Text), new("n bénéficiaires", CellKind.Count), new("n comparaison", CellKind.Count),
             new("Moyenne bénéficiaires", CellKind.Number), new("Moyenne comparaison", CellKind.Number), new("Différence standardisée", CellKind.Number),
             new("Après pondération", CellKind.Number), new("Équivalence (WWC)", CellKind.Text)],
            [.. rows], InWorkbook: true);
        var comparisons = input.Select(b => b.ComparisonGroup).Distinct().Select(g => ($"vs {context.GroupLabel(g)}", context.Style(g))).ToList();
        const string title = "Équilibre initial des caractéristiques (love plot)";
        const string description = "Pour chaque caractéristique mesurée au départ, valeur absolue de la différence standardisée entre le groupe bénéficiaire et chaque groupe de comparaison ; plus le marqueur est à gauche, plus les groupes se ressemblent. Les lignes verticales marquent les seuils 0,05 et 0,25.";
        var chart = new Chart("graphique-equilibre", title, description,
            LovePlot.Render("graphique-equilibre", title, description, plotRows, comparisons), table);
        var bands = input.Where(b => b.Band is not null).GroupBy(b => b.Band!.Value).ToDictionary(g => g.Key, g => g.Count());
        var summary = $"Sur {French.Counted(input.Length, "comparaison", "comparaisons")} de caractéristiques : {bands.GetValueOrDefault(EquivalenceBand.Satisfied)} avec une équivalence satisfaite, " +
                      $"{bands.GetValueOrDefault(EquivalenceBand.RequiresStatisticalAdjustment)} demandant un ajustement statistique, {bands.GetValueOrDefault(EquivalenceBand.NotSatisfied)} sans équivalence.";
        return new BalanceSection([.. views], summary, table, chart);
    }

    private static void RegisterAttrition(BuildContext context, CountLedger ledger)
    {
        var focal = context.Protocol.FocalGroup.Code;
        foreach (var a in context.Supplements.Attrition.IsDefault ? [] : context.Supplements.Attrition)
        {
            var prefix = $"attrition/{a.Wave}/{a.ComparisonGroup}";
            var ef = SameOrOwn(ledger, Keys.Enrolled(focal), prefix + "/inscrits-focal", a.EnrolledFocal);
            var of = SameOrOwn(ledger, Keys.Observed(focal, a.Wave), prefix + "/observes-focal", a.ObservedFocal);
            var ec = SameOrOwn(ledger, Keys.Enrolled(a.ComparisonGroup), prefix + "/inscrits-comparaison", a.EnrolledComparison);
            var oc = SameOrOwn(ledger, Keys.Observed(a.ComparisonGroup, a.Wave), prefix + "/observes-comparaison", a.ObservedComparison);
            if (ef.StartsWith("attrition", StringComparison.Ordinal) || of.StartsWith("attrition", StringComparison.Ordinal))
            {
                ledger.Add(prefix + "/perdus-focal", a.EnrolledFocal - a.ObservedFocal);
                ledger.Sum(ef, [of, prefix + "/perdus-focal"]);
            }
            if (ec.StartsWith("attrition", StringComparison.Ordinal) || oc.StartsWith("attrition", StringComparison.Ordinal))
            {
                ledger.Add(prefix + "/perdus-comparaison", a.EnrolledComparison - a.ObservedComparison);
                ledger.Sum(ec, [oc, prefix + "/perdus-comparaison"]);
            }
        }
    }

    private static AttritionSection? BuildAttrition(BuildContext context)
    {
        var input = context.Supplements.Attrition;
        if (input.IsDefaultOrEmpty) return null;
        var plan = context.Plan;
        var focal = context.Protocol.FocalGroup.Code;
        var views = new List<AttritionRowView>();
        var rows = new List<TableRow>();
        foreach (var a in input)
        {
            var prefix = $"attrition/{a.Wave}/{a.ComparisonGroup}";
            // Rates are counts divided by published totals: shown only when every count behind them is published.
            var lostFocal = Lost(focal, a.Wave, prefix + "/perdus-focal");
            var lostComparison = Lost(a.ComparisonGroup, a.Wave, prefix + "/perdus-comparaison");
            var shown = !lostFocal && !lostComparison && plan.AllowsEstimateOn(a.EnrolledFocal) && plan.AllowsEstimateOn(a.EnrolledComparison);
            if (!shown) context.WithheldEstimates++;
            var boundary = a.IsOptimisticBoundary ? "limite optimiste" : "limite prudente";
            var verdict = a.IsLowAttrition ? "attrition faible" : "attrition élevée";
            views.Add(new AttritionRowView(context.WaveLabel(a.Wave), context.GroupLabel(a.ComparisonGroup),
                shown ? French.Percent(a.OverallAttritionRate) : French.Suppressed,
                shown ? French.Quantity(a.DifferentialAttritionPoints, 1, "points") : French.Suppressed,
                boundary, verdict, a.IsLowAttrition));
            rows.Add(new TableRow([
                Cells.Text(context.WaveLabel(a.Wave)), Cells.Text(context.GroupLabel(a.ComparisonGroup)),
                Cells.Percent(a.OverallAttritionRate, 1, shown), Cells.Number(a.DifferentialAttritionPoints, 1, shown),
                Cells.Text(boundary), Cells.Text(verdict)]));
        }
        var table = new ReportTable("attrition", "Attrition par temps de mesure et par contraste", context.Sheet("Attrition"),
            "Attrition globale : part des inscrits des deux groupes sans mesure ; attrition différentielle : écart entre les attritions des deux groupes, en points. Jugée selon les limites du What Works Clearinghouse (manuel des standards, version 4.1).",
            [new("Temps de mesure", CellKind.Text), new("Groupe de comparaison", CellKind.Text), new("Attrition globale", CellKind.Percent),
             new("Attrition différentielle (points)", CellKind.Number), new("Limite appliquée", CellKind.Text), new("Verdict", CellKind.Text)],
            [.. rows], InWorkbook: true);
        var high = input.Count(a => !a.IsLowAttrition);
        var summary = high == 0
            ? "L'attrition est faible pour chaque contraste et chaque temps de mesure, au sens du What Works Clearinghouse."
            : $"L'attrition est élevée pour {French.Counted(high, "contraste", "contrastes")} sur {input.Length} : les groupes observés peuvent ne plus ressembler aux groupes inscrits.";
        return new AttritionSection([.. views], summary, table);

        bool Lost(string group, string wave, string own) =>
            context.Plan.IsHidden(own) || context.Plan.IsHidden(Keys.Lost(group, wave)) || context.Plan.IsHidden(Keys.Enrolled(group)) || context.Plan.IsHidden(Keys.Observed(group, wave));
    }

    private static void RegisterWeighting(BuildContext context, CountLedger ledger)
    {
        foreach (var w in context.Supplements.Weighting.IsDefault ? [] : context.Supplements.Weighting)
            SameOrOwn(ledger, Keys.Enrolled(w.Group), $"ponderation/{w.Group}/n", w.N);
    }

    private static WeightingSection? BuildWeighting(BuildContext context)
    {
        var input = context.Supplements.Weighting;
        if (input.IsDefaultOrEmpty) return null;
        var plan = context.Plan;
        var views = new List<WeightingRowView>();
        var rows = new List<TableRow>();
        foreach (var w in input)
        {
            var key = plan.IsHidden(Keys.Enrolled(w.Group)) || plan.IsHidden($"ponderation/{w.Group}/n");
            var shown = !key && plan.AllowsEstimateOn(w.N);
            views.Add(new WeightingRowView(context.GroupLabel(w.Group), shown ? French.Count(w.N) : French.Suppressed,
                shown ? French.Number(w.EffectiveSampleSize, 1) : French.Suppressed, shown ? French.Number(w.MaximumWeight, 2) : French.Suppressed,
                shown ? French.Number(w.CoefficientOfVariation, 2) : French.Suppressed));
            rows.Add(new TableRow([
                Cells.Text(context.GroupLabel(w.Group)), shown ? new TableCell(French.Count(w.N), w.N, CellKind.Count, 0, false) : Cells.Hidden(CellKind.Count),
                Cells.Number(w.EffectiveSampleSize, 1, shown), Cells.Number(w.MaximumWeight, 2, shown), Cells.Number(w.CoefficientOfVariation, 2, shown)]));
        }
        var table = new ReportTable("ponderation", "Diagnostic des poids (score de propension)", context.Sheet("Pondération"),
            "Taille effective : nombre de participants qu'un échantillon non pondéré de même précision compterait (Kish). Des poids très dispersés réduisent la précision.",
            [new("Groupe", CellKind.Text), new("Participants", CellKind.Count), new("Taille effective", CellKind.Number), new("Poids maximal", CellKind.Number), new("Coefficient de variation", CellKind.Number)],
            [.. rows], InWorkbook: true);
        var worst = input.Where(w => w.N > 0).Select(w => w.EffectiveSampleSize / w.N).DefaultIfEmpty(1).Min();
        var summary = worst < 0.5
            ? "La pondération réduit fortement la taille effective d'au moins un groupe (moins de la moitié de ses participants) : les estimations pondérées sont moins précises."
            : "La pondération conserve au moins la moitié de la taille effective de chaque groupe.";
        return new WeightingSection([.. views], summary, table);
    }

    private static void RegisterPower(BuildContext context, CountLedger ledger)
    {
        // Power rows repeat the numbers of participants of the contrasts; they publish no count of their own.
    }

    private static PowerSection? BuildPower(BuildContext context)
    {
        var input = context.Supplements.Power;
        if (input.IsDefaultOrEmpty) return null;
        var views = new List<PowerRowView>();
        var rows = new List<TableRow>();
        foreach (var pw in input)
        {
            var indicator = context.Protocol.FindIndicator(pw.Indicator);
            var label = indicator?.Label ?? pw.Indicator;
            var comparison = context.GroupLabel(pw.ComparisonGroup);
            var mde = French.Number(pw.MinimumDetectableEffect, 2) + French.Space + "écart-type";
            string? inUnit = null;
            if (pw.MinimumDetectableInUnit is { } u && indicator is not null)
            {
                var unit = ContrastInterpretation.DifferenceUnit(indicator, out var factor, out var decimals, out _);
                inUnit = French.Quantity(u * factor, decimals, unit);
            }
            var sentence = $"Avec ces effectifs, seul un écart d'au moins {mde}{(inUnit is null ? "" : $" (soit {inUnit})")} sur l'indicateur {Quote(label)} entre le groupe bénéficiaire et le groupe {Quote(comparison)} aurait {French.Percent(pw.Power, 0)} de chances d'être détecté (seuil de {French.Percent(pw.Alpha, 0)}) ; un écart plus petit peut exister sans que les données puissent le montrer.";
            views.Add(new PowerRowView(label, comparison, mde, inUnit, sentence));
            rows.Add(new TableRow([Cells.Text(label), Cells.Text(comparison), Cells.Number(pw.MinimumDetectableEffect, 2),
                pw.MinimumDetectableInUnit is { } v ? Cells.Number(v, 2) : Cells.Missing(CellKind.Number, 2), Cells.Percent(pw.Power, 0), Cells.Percent(pw.Alpha, 0)]));
        }
        var table = new ReportTable("puissance", "Puissance et effet minimal détectable", context.Sheet("Puissance"),
            "Effet minimal détectable : le plus petit écart que l'évaluation avait de bonnes chances (la puissance) de mettre en évidence.",
            [new("Indicateur", CellKind.Text), new("Groupe de comparaison", CellKind.Text), new("Effet minimal (écart-type)", CellKind.Number),
             new("Effet minimal (unité)", CellKind.Number), new("Puissance", CellKind.Percent), new("Seuil", CellKind.Percent)],
            [.. rows], InWorkbook: true);
        return new PowerSection([.. views], "Ces calculs disent quelle taille d'écart l'évaluation pouvait raisonnablement détecter : un résultat non concluant sur un écart plus petit ne montre pas l'absence d'écart.", table);
    }
}
