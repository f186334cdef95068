using ImpactEval.Reporting.Formatting;

namespace ImpactEval.Reporting.Charts;

/// <summary>
/// Balance "love plot": one row per covariate, the absolute standardised difference between the focal group and
/// each comparison group as a marker (one shape per comparison group; hollow after weighting), with the What Works
/// Clearinghouse thresholds 0.05 and 0.25 drawn as vertical lines.
/// </summary>
public static class LovePlot
{
    /// <summary>One covariate.</summary>
    /// <param name="Label">Covariate label.</param>
    /// <param name="Points">Standardised differences per comparison group.</param>
    public sealed record Row(string Label, IReadOnlyList<Point> Points);

    /// <summary>One difference.</summary>
    /// <param name="Style">Style index of the comparison group.</param>
    /// <param name="Difference">Standardised difference (signed; drawn in absolute value).</param>
    /// <param name="Weighted">Whether it is measured after weighting (hollow marker).</param>
    public sealed record Point(int Style, double Difference, bool Weighted);

    /// <summary>Draws the plot.</summary>
    public static string Render(string id, string title, string description, IReadOnlyList<Row> rows, IReadOnlyList<(string Label, int Style)> legend)
    {
        const double width = 720, labelWidth = 260, right = 24, minRowHeight = 28, top = 14, labelLine = 12, legendLine = 16, legendGap = 4;
        // Labels are wrapped, never cut: a covariate row is as tall as its label needs (about 34 characters per line in
        // the label column), a legend entry as tall as its group label needs (about 62 characters per line).
        var labels = rows.Select(r => Svg.WrapAll(r.Label, 34)).ToList();
        var heights = labels.Select(l => Math.Max(minRowHeight, l.Count * labelLine + 6)).ToList();
        var legendLabels = legend.Select(l => Svg.WrapAll(l.Label, 62)).ToList();
        var plotBottom = top + heights.Sum();
        var ly = plotBottom + 62;
        var notesTop = ly + legendLabels.Sum(l => l.Count * legendLine + legendGap);
        var height = notesTop + legendLine + 6;
        var max = Math.Max(0.3, rows.SelectMany(r => r.Points).Select(p => Math.Abs(p.Difference)).Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.1);
        double X(double v) => labelWidth + Math.Abs(v) / max * (width - labelWidth - right);
        var svg = Svg.Open(id, width, height, title, description);
        var rowTop = top;
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 2 == 1) svg.Append($"<rect x=\"0\" y=\"{Svg.N(rowTop)}\" width=\"{Svg.N(width)}\" height=\"{Svg.N(heights[i])}\" fill=\"#f2f2f2\"/>");
            rowTop += heights[i];
        }
        foreach (var (threshold, text) in new[] { (0.05, "0,05"), (0.25, "0,25") })
        {
            svg.Append($"<line x1=\"{Svg.N(X(threshold))}\" y1=\"{Svg.N(top - 4)}\" x2=\"{Svg.N(X(threshold))}\" y2=\"{Svg.N(plotBottom)}\" stroke=\"#777\" stroke-dasharray=\"{(threshold < 0.1 ? "2 3" : "6 3")}\"/>");
        }
        svg.Append($"<line x1=\"{Svg.N(labelWidth)}\" y1=\"{Svg.N(plotBottom)}\" x2=\"{Svg.N(width - right)}\" y2=\"{Svg.N(plotBottom)}\" stroke=\"#333\"/>");
        foreach (var t in Svg.Ticks(0, max))
        {
            svg.Append($"<line x1=\"{Svg.N(X(t))}\" y1=\"{Svg.N(plotBottom)}\" x2=\"{Svg.N(X(t))}\" y2=\"{Svg.N(plotBottom + 5)}\" stroke=\"#333\"/>");
            Svg.Text(svg, X(t), plotBottom + 18, French.Number(t, 2), "middle");
        }
        Svg.Text(svg, labelWidth + (width - labelWidth - right) / 2, plotBottom + 38, "Différence standardisée (valeur absolue)", "middle", " font-style=\"italic\"");
        rowTop = top;
        for (var i = 0; i < rows.Count; i++)
        {
            var y = rowTop + heights[i] / 2;
            Svg.Lines(svg, labelWidth - 10, y + 4 - (labels[i].Count - 1) * labelLine / 2, labels[i], "end", "", labelLine);
            foreach (var p in rows[i].Points.Where(p => double.IsFinite(p.Difference)))
            {
                var colour = Svg.Colour(p.Style);
                Svg.Marker(svg, p.Style, X(p.Difference), y, 5, p.Weighted ? "#ffffff" : colour, p.Weighted ? $" stroke=\"{colour}\" stroke-width=\"1.5\"" : "");
            }
            rowTop += heights[i];
        }
        for (var i = 0; i < legend.Count; i++)
        {
            Svg.Marker(svg, legend[i].Style, labelWidth + 8, ly - 4, 5, Svg.Colour(legend[i].Style));
            Svg.Lines(svg, labelWidth + 22, ly, legendLabels[i], "start", "", legendLine);
            ly += legendLabels[i].Count * legendLine + legendGap;
        }
        Svg.Text(svg, labelWidth, notesTop, "Lignes verticales : seuils 0,05 (pointillés) et 0,25 (tirets) du What Works Clearinghouse.", "start", " font-size=\"10\"");
        Svg.Text(svg, labelWidth, notesTop + legendLine - 2, "Marqueur creux : après pondération.", "start", " font-size=\"10\"");
        return Svg.Close(svg);
    }
}
