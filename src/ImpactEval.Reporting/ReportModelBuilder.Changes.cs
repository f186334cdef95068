using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    /// <summary>« Avant le séjour » (the wave's label, quoted), or its code.</summary>
    private static string WaveName(BuildContext context, string code) => Quote(context.Protocol.FindWave(code)?.Label ?? code);

    private static string ChangeKey(AnalysisResult a, ChangeEstimate c) => $"evolution/{a.Code}/{c.Indicator}/{c.Group}";

    /// <summary>
    /// The number of participants observed at both waves of each change is a published count like any other, and it is
    /// part of the number of values published at each of the two waves: the difference (participants observed at one wave
    /// only) is a count too, protected like the others — 40 values and 37 pairs would otherwise give 3 back.
    /// </summary>
    private static void RegisterChanges(BuildContext context, CountLedger ledger)
    {
        foreach (var a in context.Results.Analyses)
        foreach (var c in a.Changes)
        {
            var pairs = ledger.Add(ChangeKey(a, c), c.N);
            foreach (var wave in new[] { c.BaselineWave, c.Wave })
            {
                var values = Keys.DescN(c.Indicator, wave, c.Group);
                if (ledger.Contains(values) && ledger.ValueOf(values) >= c.N)
                    ledger.Sum(values, [pairs, ledger.Add($"{ChangeKey(a, c)}/seulement-{wave}", ledger.ValueOf(values) - c.N)]);
            }
        }
    }

    /// <summary>
    /// The observed changes of a <c>paired_change</c> analysis: one sentence and one table row per indicator and group, a
    /// change withheld when its group of pairs is below the threshold (its means and change with it).
    /// </summary>
    private static (ImmutableArray<ChangeView> Views, ReportTable? Table) BuildChanges(BuildContext context, AnalysisResult a, string confidence)
    {
        if (a.Changes.IsDefaultOrEmpty) return ([], null);
        var plan = context.Plan;
        var views = new List<ChangeView>();
        var rows = new List<TableRow>();
        foreach (var c in a.Changes)
        {
            var indicator = context.Protocol.FindIndicator(c.Indicator);
            if (indicator is null) continue;
            var key = ChangeKey(a, c);
            var shown = plan.AllowsEstimateOn(c.N) && !plan.IsHidden(key);
            var e = c.Change;
            var estimated = e is not null && e.IsEstimable;
            if (!shown && estimated) context.WithheldEstimates++;
            var decimals = indicator.Scale.Type == ValueType.Binary ? 3 : Decimals.ForScale(indicator.Scale);
            var meanDecimals = Decimals.ForScale(indicator.Scale);
            var group = context.GroupLabel(c.Group);
            var sentence = !shown ? ContrastInterpretation.Withheld
                : !estimated ? $"L'évolution de « {indicator.Label} » pour le groupe « {group} » n'a pas pu être calculée : {c.FailureReason}"
                : ChangeInterpretation.Describe(indicator, group, WaveName(context, c.BaselineWave), WaveName(context, c.Wave), c.N, e!.Value, e.Interval.Lower, e.Interval.Upper,
                    e.Interval.Level, decimals, c.SignedRank?.PValue);
            var show = shown && estimated;
            views.Add(new ChangeView(indicator.Label, group, Cells.CountText(plan, key, c.N),
                shown ? French.Number(c.BaselineMean, meanDecimals) : French.Suppressed, shown ? French.Number(c.FollowUpMean, meanDecimals) : French.Suppressed,
                show ? French.Interval(e!.Value, e.Interval.Lower, e.Interval.Upper, decimals) : shown ? French.NotAvailable : French.Suppressed,
                sentence, shown));
            rows.Add(new TableRow([
                Cells.Text(indicator.Label), Cells.Text(group), Cells.Count(plan, key, c.N),
                Cells.Number(c.BaselineMean, meanDecimals, shown), Cells.Number(c.FollowUpMean, meanDecimals, shown),
                Cells.Number(e?.Value ?? double.NaN, decimals, show), Cells.Number(e?.Interval.Lower ?? double.NaN, decimals, show),
                Cells.Number(e?.Interval.Upper ?? double.NaN, decimals, show), Cells.PValue(e?.PValue ?? double.NaN, show),
                c.SignedRank is { } rank ? Cells.PValue(rank.PValue, show) : Cells.NotApplicable(CellKind.PValue),
                Cells.Sentence(sentence)]));
        }
        var first = a.Changes[0];
        var columns = ImmutableArray.Create<TableColumn>(
            new("Indicateur", CellKind.Text), new("Groupe", CellKind.Text), new("Participants observés aux deux temps", CellKind.Count),
            new($"Moyenne à {first.BaselineWave}", CellKind.Number), new($"Moyenne à {first.Wave}", CellKind.Number),
            new("Évolution moyenne", CellKind.Number), new("IC bas", CellKind.Number), new("IC haut", CellKind.Number),
            new("p", CellKind.PValue), new("p (rangs signés)", CellKind.PValue), new("Lecture", CellKind.Sentence));
        var table = new ReportTable($"evolutions-{Slug(a.Code)}", $"{a.Code} — évolutions observées entre {first.BaselineWave} et {first.Wave}", context.Sheet($"Évolutions {a.Code}"),
            $"Évolution moyenne de chaque indicateur pour les participants observés aux deux temps ({first.BaselineWave} puis {first.Wave}), intervalle de confiance à {confidence} (Student apparié) ; test des rangs signés de Wilcoxon pour les indicateurs ordinaux. Ce sont des évolutions observées, pas des effets de l'action.",
            columns, [.. rows], InWorkbook: true);
        return ([.. views], table);
    }
}
