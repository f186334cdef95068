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
        const double width = 720, labelWidth = 260, right = 24, rowHeight = 28, top = 14, legendLine = 18;
        var plotBottom = top + rows.Count * rowHeight;
        var height = plotBottom + 56 + (legend.Count + 2) * legendLine;
        var max = Math.Max(0.3, rows.SelectMany(r => r.Points).Select(p => Math.Abs(p.Difference)).Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.1);
        double X(double v) => labelWidth + Math.Abs(v) / max * (width - labelWidth - right);
        var svg = Svg.Open(id, width, height, title, description);
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
        for (var i = 0; i < rows.Count; i++)
        {
            var y = top + i * rowHeight + rowHeight / 2;
            if (i % 2 == 1) svg.Append($"<rect x=\"0\" y=\"{Svg.N(y - rowHeight / 2)}\" width=\"{Svg.N(width)}\" height=\"{Svg.N(rowHeight)}\" fill=\"#f2f2f2\"/>");
            Svg.Text(svg, labelWidth - 10, y + 4, rows[i].Label, "end", maxChars: 34, lineHeight: 12);
            foreach (var p in rows[i].Points.Where(p => double.IsFinite(p.Difference)))
            {
                var colour = Svg.Colour(p.Style);
                Svg.Marker(svg, p.Style, X(p.Difference), y, 5, p.Weighted ? "#ffffff" : colour, p.Weighted ? $" stroke=\"{colour}\" stroke-width=\"1.5\"" : "");
            }
        }
        var ly = plotBottom + 62;
        for (var i = 0; i < legend.Count; i++)
        {
            Svg.Marker(svg, legend[i].Style, labelWidth + 8, ly + i * legendLine - 4, 5, Svg.Colour(legend[i].Style));
            Svg.Text(svg, labelWidth + 22, ly + i * legendLine, Svg.Truncate(legend[i].Label, 62));
        }
        Svg.Text(svg, labelWidth, ly + legend.Count * legendLine, "Lignes verticales : seuils 0,05 (pointillés) et 0,25 (tirets) du What Works Clearinghouse.", "start", " font-size=\"10\"");
        Svg.Text(svg, labelWidth, ly + (legend.Count + 1) * legendLine - 4, "Marqueur creux : après pondération.", "start", " font-size=\"10\"");
        return Svg.Close(svg);
    }
}
