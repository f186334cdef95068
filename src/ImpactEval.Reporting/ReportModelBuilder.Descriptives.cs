using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    private static void RegisterDescriptives(BuildContext context, CountLedger ledger)
    {
        foreach (var d in context.Results.Descriptives)
        foreach (var g in d.Groups)
        {
            var n = ledger.Add(Keys.DescN(d.Indicator, d.Wave, g.Group), g.N, isTotal: true);
            var missing = ledger.Add(Keys.DescMissing(d.Indicator, d.Wave, g.Group), g.Missing);
            var enrolled = Keys.Enrolled(g.Group);
            if (ledger.Contains(enrolled) && ledger.ValueOf(enrolled) == g.N + g.Missing) ledger.Sum(enrolled, [n, missing]);
            if (g.Levels is { } levels && levels.Levels.Sum(l => l.Share.Count) == g.N)
            {
                var keys = levels.Levels.Select(l => ledger.Add(Keys.DescLevel(d.Indicator, d.Wave, g.Group, l.Level.Code), l.Share.Count)).ToList();
                ledger.Sum(n, keys);
            }
        }
    }

    private static DescriptivesSection BuildDescriptives(BuildContext context)
    {
        var plan = context.Plan;
        var p = context.Protocol;
        var series = new List<IndicatorSeries>();
        var summaryRows = new List<TableRow>();
        var levelRows = new List<TableRow>();
        foreach (var indicator in p.Indicators)
        {
            var waves = p.Waves.OrderBy(w => w.Order).Where(w => indicator.WaveCodes.Contains(w.Code)).ToList();
            var decimals = Decimals.ForScale(indicator.Scale);
            var binary = indicator.Scale.Type == ValueType.Binary;
            var rows = new List<SeriesRow>();
            var chartRows = new List<TableRow>();
            var trajectories = new List<TrajectoryChart.Series>();
            var bars = new List<StackedBars.Bar>();
            var levels = indicator.Scale.EffectiveLevels;
            foreach (var group in p.Groups.Where(g => indicator.AppliesTo(g.Code)))
            {
                var points = new List<TrajectoryChart.Point?>();
                foreach (var wave in waves)
                {
                    var d = context.Descriptives(indicator.Code, wave.Code, group.Code);
                    if (d is null) { points.Add(null); continue; }
                    var publication = context.Publication(indicator, wave.Code, group.Code);
                    var shown = publication.Mean;
                    var spread = publication.Spread;
                    var quantiles = publication.Quantiles;
                    var interval = publication.Interval;
                    if (!shown && d.Summary is not null) context.WithheldEstimates++;
                    var s = d.Summary;
                    var nKey = Keys.DescN(indicator.Code, wave.Code, group.Code);
                    var nHidden = plan.IsHidden(nKey);
                    var levelViews = ImmutableArray<LevelView>.Empty;
                    List<double>? shares = null;
                    if (d.Levels is { } dist)
                    {
                        var all = new List<double>();
                        var complete = true;
                        var views = new List<LevelView>();
                        foreach (var level in dist.Levels)
                        {
                            var key = Keys.DescLevel(indicator.Code, wave.Code, group.Code, level.Level.Code);
                            // A share times the published n gives the count back: it is hidden with the count, or with n.
                            // Below the threshold a group publishes no distribution at all.
                            var shareShown = !plan.IsHidden(key) && !nHidden && d.N > 0 && plan.AllowsEstimateOn(d.N);
                            complete &= shareShown;
                            views.Add(new LevelView(level.Level.Label, Cells.CountText(plan, key, level.Share.Count), shareShown ? French.Percent(level.Share.Value) : French.Suppressed));
                            levelRows.Add(new TableRow([
                                Cells.Text(indicator.Label), context.WaveCodeCell(wave.Code), context.GroupCell(group.Code), Cells.Text(level.Level.Label),
                                Cells.Count(plan, key, level.Share.Count), Cells.Percent(level.Share.Value, 1, shareShown)]));
                            all.Add(level.Share.Value);
                        }
                        shares = complete ? all : null;
                        levelViews = [.. views];
                        if (indicator.Scale.Type != ValueType.Binary)
                            // Non-breaking spaces keep "— T1" with the last word of the group label when the label wraps.
                            bars.Add(new StackedBars.Bar($"{group.Label}{French.Space}—{French.Space}{wave.Code}", shares));
                    }

                    var mean = s?.Mean.Value ?? double.NaN;
                    var ci = s?.Mean.Interval;
                    // No value in the group (an indicator not collected for it): nothing exists to show, nothing is hidden.
                    var none = d.N == 0;
                    string Num(double v) => binary ? French.Percent(v) : French.Number(v, decimals);
                    string Text(bool applicable, bool ok, Func<string> text) => none || !applicable ? French.NotApplicable : !ok ? French.Suppressed : text();
                    TableCell Cell(bool applicable, TableCell cell) => none || !applicable ? Cells.NotApplicable(cell.Kind) : cell;
                    var meanText = Text(true, shown, () => Num(mean));
                    var meanCi = Text(true, shown, () => !interval ? Num(mean)
                        : ci is { } c && double.IsFinite(c.Lower) ? (binary ? $"{French.Percent(mean)} [{French.Percent(c.Lower)} ; {French.Percent(c.Upper)}]".Replace(" ; ", French.Space + ";" + French.Space).Replace(" [", French.Space + "[") : French.Interval(mean, c.Lower, c.Upper, decimals))
                        : Num(mean));
                    rows.Add(new SeriesRow(wave.Code, context.WaveLabel(wave.Code), group.Code, group.Label,
                        Cells.CountText(plan, nKey, d.N), Cells.CountText(plan, Keys.DescMissing(indicator.Code, wave.Code, group.Code), d.Missing),
                        meanText, meanCi,
                        // A yes/no indicator has no standard deviation, median or quartiles to show: "sans objet", not hidden.
                        Text(!binary, spread, () => French.Number(s!.StandardDeviation, decimals)),
                        Text(!binary, quantiles, () => French.Number(s!.Median, decimals)),
                        Text(!binary, quantiles, () => French.Bounds(s!.FirstQuartile, s.ThirdQuartile, decimals)),
                        shown, levelViews, shown ? s?.Warnings ?? [] : []));

                    var row = new TableRow([
                        Cells.Text(indicator.Label), context.WaveCodeCell(wave.Code), context.GroupCell(group.Code),
                        Cells.Count(plan, nKey, d.N), Cells.Count(plan, Keys.DescMissing(indicator.Code, wave.Code, group.Code), d.Missing),
                        Cell(true, binary ? Cells.Percent(mean, 1, shown) : Cells.Number(mean, decimals, shown)),
                        Cell(true, binary ? Cells.Percent(ci?.Lower ?? double.NaN, 1, interval) : Cells.Number(ci?.Lower ?? double.NaN, decimals, interval)),
                        Cell(true, binary ? Cells.Percent(ci?.Upper ?? double.NaN, 1, interval) : Cells.Number(ci?.Upper ?? double.NaN, decimals, interval)),
                        Cell(!binary, Cells.Number(s?.StandardDeviation ?? double.NaN, decimals, spread)),
                        Cell(!binary, Cells.Number(s?.Median ?? double.NaN, decimals, quantiles))]);
                    summaryRows.Add(row);
                    chartRows.Add(new TableRow([.. row.Cells.Skip(1)]));
                    points.Add(shown && s is not null ? new TrajectoryChart.Point(mean, interval ? ci?.Lower ?? double.NaN : double.NaN, interval ? ci?.Upper ?? double.NaN : double.NaN) : null);
                }
                trajectories.Add(new TrajectoryChart.Series(group.Label, context.Style(group.Code), points));
            }

            var id = "indicateur-" + Slug(indicator.Code);
            var chartColumns = SummaryColumns(binary).Skip(1).ToImmutableArray();
            var dataTable = new ReportTable(id + "-donnees", $"Données : {indicator.Label}", "", null, chartColumns, [.. chartRows], InWorkbook: false);
            Chart? trajectory = null;
            if (indicator.Scale.Type != ValueType.Categorical && trajectories.Any(t => t.Points.Any(pt => pt is not null)))
            {
                var (yMin, yMax) = indicator.Scale.Type switch
                {
                    ValueType.Binary => ((double?)0, (double?)1),
                    ValueType.Ordinal => ((double?)levels.Min(l => l.Value), (double?)levels.Max(l => l.Value)),
                    _ => (indicator.Scale.Minimum, indicator.Scale.Maximum),
                };
                var unitText = binary ? "Part de « " + (levels.FirstOrDefault(l => l.Value == 1)?.Label ?? "oui") + " »" :
                    indicator.Scale.Type == ValueType.Ordinal ? $"Moyenne (échelle de {yMin} à {yMax})" : "Moyenne" + (indicator.Scale.Unit is { } u ? $" ({u})" : "");
                var title = $"Évolution par groupe : {indicator.Label}";
                var description = $"{unitText} de chaque groupe à chaque temps de mesure ({string.Join(", ", waves.Select(w => w.Code))}), avec l'intervalle de confiance à 95 % de chaque moyenne en barre verticale. Les moyennes non publiées (secret statistique) sont absentes.";
                trajectory = new Chart(id + "-evolution", title, description,
                    TrajectoryChart.Render(id + "-evolution", title, description, [.. waves.Select(w => $"{w.Code} — {w.Label}")], trajectories, yMin, yMax, unitText, decimals, binary),
                    dataTable with { Id = id + "-evolution-donnees" });
            }
            Chart? distribution = null;
            if (bars.Count > 0)
            {
                var title = $"Répartition par niveau : {indicator.Label}";
                var description = $"Pour chaque groupe et chaque temps de mesure, part des valeurs dans chaque niveau de l'échelle ({string.Join(", ", levels.Select(l => l.Label))}), du plus bas (clair) au plus haut (foncé). Les barres non publiées (secret statistique) sont vides.";
                var levelTableRows = levelRows.Where(r => r.Cells[0].Text == indicator.Label).Select(r => new TableRow([.. r.Cells.Skip(1)])).ToImmutableArray();
                distribution = new Chart(id + "-repartition", title, description,
                    StackedBars.Render(id + "-repartition", title, description, [.. levels.Select(l => l.Label)], bars),
                    new ReportTable(id + "-repartition-donnees", $"Données : {indicator.Label}", "", null, [.. LevelColumns().Skip(1)], levelTableRows, InWorkbook: false));
            }
            series.Add(new IndicatorSeries(indicator.Code, indicator.Label, Vocabulary.Level(indicator.Level), indicator.Scale.Unit, indicator.Scale.IsLabelled,
                [.. rows], trajectory, distribution));
        }
        var table = new ReportTable("descriptifs", "Statistiques descriptives par indicateur, temps de mesure et groupe", context.Sheet("Statistiques descriptives"),
            "Moyenne avec son intervalle de confiance à 95 % ; pour un indicateur binaire, part de « oui ». « s » : valeur masquée (secret statistique) ; « n.d. » : non disponible ; « sans objet » : valeur qui n’existe pas (écart-type d’un indicateur oui/non, groupe sans aucune valeur).",
            [.. SummaryColumns(false)], [.. summaryRows], InWorkbook: true);
        var levelsTable = levelRows.Count == 0 ? null : new ReportTable("repartitions", "Répartition des indicateurs à niveaux", context.Sheet("Répartitions par niveau"),
            "Effectif et part de chaque niveau parmi les valeurs présentes du groupe.", [.. LevelColumns()], [.. levelRows], InWorkbook: true);
        return new DescriptivesSection([.. series], table, levelsTable);
    }

    private static IEnumerable<TableColumn> SummaryColumns(bool binary) =>
    [
        new("Indicateur", CellKind.Text), new("Temps", CellKind.Text), new("Groupe", CellKind.Text),
        new("Valeurs présentes", CellKind.Count), new("Valeurs manquantes", CellKind.Count),
        new(binary ? "Part de « oui »" : "Moyenne", binary ? CellKind.Percent : CellKind.Number),
        new("IC 95 % bas", binary ? CellKind.Percent : CellKind.Number), new("IC 95 % haut", binary ? CellKind.Percent : CellKind.Number),
        new("Écart-type", CellKind.Number), new("Médiane", CellKind.Number),
    ];

    private static IEnumerable<TableColumn> LevelColumns() =>
    [
        new("Indicateur", CellKind.Text), new("Temps", CellKind.Text), new("Groupe", CellKind.Text), new("Niveau", CellKind.Text),
        new("Effectif", CellKind.Count), new("Part", CellKind.Percent),
    ];

    /// <summary>A lower-case identifier for HTML ids ("COOP_PROPRETE" → "coop-proprete").</summary>
    private static string Slug(string code) =>
        new string(Core.Text.TextKey.Normalize(code).Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
