using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    /// <summary>Waves at which the flow counts participants (those where indicators are collected).</summary>
    private static List<Wave> FlowWaves(BuildContext context) =>
        context.Protocol.Waves.OrderBy(w => w.Order).Where(w => context.Results.Flow.Groups.Any(g => g.Waves.Any(c => c.Wave == w.Code))).ToList();

    private static void RegisterFlow(BuildContext context, CountLedger ledger)
    {
        var groups = context.Results.Flow.Groups;
        var waves = FlowWaves(context);
        foreach (var g in groups)
        {
            ledger.Add(Keys.Enrolled(g.Group), g.Enrolled, isKeyFigure: true);
            ledger.Add(Keys.Withdrawn(g.Group), g.Withdrawn);
            foreach (var w in waves)
            {
                var observed = g.Waves.FirstOrDefault(c => c.Wave == w.Code)?.Observed ?? 0;
                var late = g.Waves.FirstOrDefault(c => c.Wave == w.Code)?.Late ?? 0;
                ledger.Add(Keys.Observed(g.Group, w.Code), observed, isTotal: true);
                ledger.Add(Keys.Lost(g.Group, w.Code), g.Enrolled - observed);
                ledger.Sum(Keys.Enrolled(g.Group), [Keys.Observed(g.Group, w.Code), Keys.Lost(g.Group, w.Code)]);
                ledger.Add(Keys.Late(g.Group, w.Code), late);
            }
        }
        if (groups.Length < 2) return; // a single group: its row is the total, no margin to add
        var t = Keys.Total;
        ledger.Add(Keys.Enrolled(t), groups.Sum(g => g.Enrolled), isKeyFigure: true);
        ledger.Sum(Keys.Enrolled(t), groups.Select(g => Keys.Enrolled(g.Group)));
        ledger.Add(Keys.Withdrawn(t), groups.Sum(g => g.Withdrawn), isTotal: true);
        ledger.Sum(Keys.Withdrawn(t), groups.Select(g => Keys.Withdrawn(g.Group)));
        foreach (var w in waves)
        {
            foreach (var key in new Func<string, string, string>[] { Keys.Observed, Keys.Lost, Keys.Late })
            {
                var total = groups.Sum(g => ledger.ValueOf(key(g.Group, w.Code)));
                ledger.Add(key(t, w.Code), total, isTotal: true);
                ledger.Sum(key(t, w.Code), groups.Select(g => key(g.Group, w.Code)));
            }
            ledger.Sum(Keys.Enrolled(t), [Keys.Observed(t, w.Code), Keys.Lost(t, w.Code)]);
        }
    }

    private static FlowSection BuildFlow(BuildContext context)
    {
        var plan = context.Plan;
        var waves = FlowWaves(context);
        var groups = context.Results.Flow.Groups;
        var rows = new List<(string Code, string Label, bool IsTotal)>(groups.Select(g => (g.Group, context.GroupLabel(g.Group), false)));
        if (groups.Length >= 2) rows.Add((Keys.Total, "Ensemble", true));

        var columns = new List<TableColumn> { new("Groupe", CellKind.Text), new("Inscrits", CellKind.Count), new("Sortis du suivi", CellKind.Count) };
        foreach (var w in waves)
        {
            columns.Add(new($"Observés {w.Code}", CellKind.Count));
            columns.Add(new($"Non observés {w.Code}", CellKind.Count));
            columns.Add(new($"Attrition {w.Code}", CellKind.Percent));
        }
        var tableRows = new List<TableRow>();
        var views = new List<FlowGroupView>();
        var diagram = new List<FlowDiagram.Column>();
        foreach (var (code, label, isTotal) in rows)
        {
            var enrolled = code == Keys.Total ? groups.Sum(g => g.Enrolled) : groups.First(g => g.Group == code).Enrolled;
            var withdrawn = code == Keys.Total ? groups.Sum(g => g.Withdrawn) : groups.First(g => g.Group == code).Withdrawn;
            var cells = new List<TableCell> { isTotal ? Cells.Text(label) : context.GroupCell(code), Cells.Count(plan, Keys.Enrolled(code), enrolled), Cells.Count(plan, Keys.Withdrawn(code), withdrawn) };
            var waveViews = new List<FlowWaveView>();
            var steps = new List<FlowDiagram.Step>();
            foreach (var w in waves)
            {
                var observed = code == Keys.Total
                    ? groups.Sum(g => g.Waves.FirstOrDefault(c => c.Wave == w.Code)?.Observed ?? 0)
                    : groups.First(g => g.Group == code).Waves.FirstOrDefault(c => c.Wave == w.Code)?.Observed ?? 0;
                var lost = enrolled - observed;
                var rateShown = !plan.IsHidden(Keys.Lost(code, w.Code)) && !plan.IsHidden(Keys.Enrolled(code)) && enrolled > 0;
                var rate = enrolled > 0 ? (double)lost / enrolled : double.NaN;
                cells.Add(Cells.Count(plan, Keys.Observed(code, w.Code), observed));
                cells.Add(Cells.Count(plan, Keys.Lost(code, w.Code), lost));
                cells.Add(Cells.Percent(rate, 1, rateShown));
                var rateText = rateShown ? French.Percent(rate) : French.Suppressed;
                waveViews.Add(new FlowWaveView(w.Code, context.WaveLabel(w.Code), Cells.CountText(plan, Keys.Observed(code, w.Code), observed),
                    Cells.CountText(plan, Keys.Lost(code, w.Code), lost), rateText));
                steps.Add(new FlowDiagram.Step(context.WaveLabel(w.Code), Cells.CountText(plan, Keys.Observed(code, w.Code), observed),
                    $"{Cells.CountText(plan, Keys.Lost(code, w.Code), lost)} ({rateText})"));
            }
            tableRows.Add(new TableRow([.. cells], isTotal));
            if (!isTotal)
            {
                views.Add(new FlowGroupView(code, label, Cells.CountText(plan, Keys.Enrolled(code), enrolled), Cells.CountText(plan, Keys.Withdrawn(code), withdrawn), [.. waveViews]));
                diagram.Add(new FlowDiagram.Column(label, Cells.CountText(plan, Keys.Enrolled(code), enrolled), steps));
            }
        }
        var table = new ReportTable("flux", "Flux des participants par groupe et par temps de mesure", context.Sheet("Flux des participants"),
            "Observés : participants ayant au moins une valeur à ce temps de mesure. Attrition : part des inscrits non observés. « s » : valeur masquée (secret statistique).",
            [.. columns], [.. tableRows], InWorkbook: true);
        var chartTable = table;
        var chart = new Chart("graphique-flux", "Diagramme de flux des participants",
            $"Pour chaque groupe, nombre de participants inscrits puis observés à chacun des {waves.Count} temps de mesure, avec le nombre de non-observés et l'attrition.",
            FlowDiagram.Render("graphique-flux", "Diagramme de flux des participants",
                "Inscrits puis observés à chaque temps de mesure, par groupe.", diagram), chartTable);

        var totalEnrolled = groups.Sum(g => g.Enrolled);
        var summary = groups.Length == 0
            ? "Aucun participant n'est inscrit."
            : $"{French.Counted(totalEnrolled, "participant est inscrit", "participants sont inscrits")} dans {French.Counted(groups.Length, "groupe", "groupes")}" +
              (plan.IsHidden(Keys.Enrolled(groups.Length >= 2 ? Keys.Total : groups[0].Group)) ? "." : ".") +
              (waves.Count > 0 ? $" Le tableau donne, pour chaque temps de mesure, le nombre de participants observés et la part des inscrits perdus de vue (attrition)." : "");
        if (plan.IsHidden(Keys.Enrolled(groups.Length >= 2 ? Keys.Total : groups.FirstOrDefault()?.Group ?? "")))
            summary = $"Les effectifs sont trop faibles pour être publiés en détail (secret statistique).";
        return new FlowSection([.. views], summary, table, chart);
    }
}
