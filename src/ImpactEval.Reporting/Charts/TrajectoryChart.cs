using ImpactEval.Reporting.Formatting;

namespace ImpactEval.Reporting.Charts;

/// <summary>
/// Trajectories: the mean of each group at each wave, joined by a line (one dash pattern and marker shape per
/// group), with the confidence interval of each mean as a vertical bar. Groups are slightly offset horizontally so
/// that bars do not overlap.
/// </summary>
public static class TrajectoryChart
{
    /// <summary>One group's series.</summary>
    /// <param name="Label">Group label (legend).</param>
    /// <param name="Style">Style index of the group.</param>
    /// <param name="Points">One point per wave index (null when the mean is missing or withheld).</param>
    public sealed record Series(string Label, int Style, IReadOnlyList<Point?> Points);

    /// <summary>A mean with its interval.</summary>
    /// <param name="Mean">Mean.</param>
    /// <param name="Lower">Lower bound (NaN when unknown).</param>
    /// <param name="Upper">Upper bound (NaN when unknown).</param>
    public sealed record Point(double Mean, double Lower, double Upper);

    /// <summary>Draws the chart.</summary>
    /// <param name="id">SVG id.</param>
    /// <param name="title">Title.</param>
    /// <param name="description">Description.</param>
    /// <param name="waves">Wave labels, in time order.</param>
    /// <param name="series">Series per group.</param>
    /// <param name="yMin">Lower end of the axis (scale minimum), or null to fit the data.</param>
    /// <param name="yMax">Upper end of the axis, or null to fit the data.</param>
    /// <param name="yLabel">Axis label.</param>
    /// <param name="decimals">Decimals of tick labels.</param>
    /// <param name="percent">Whether values are proportions shown as percentages.</param>
    public static string Render(string id, string title, string description, IReadOnlyList<string> waves, IReadOnlyList<Series> series,
        double? yMin, double? yMax, string yLabel, int decimals, bool percent)
    {
        const double width = 720, left = 70, right = 24, top = 20, plotHeight = 220, legendLine = 18;
        var legendTop = top + plotHeight + 50;
        var height = legendTop + series.Count * legendLine + 8;
        var values = series.SelectMany(s => s.Points).Where(p => p is not null)
            .SelectMany(p => new[] { p!.Mean, p.Lower, p.Upper }).Where(double.IsFinite).ToList();
        var min = yMin ?? (values.Count > 0 ? values.Min() : 0);
        var max = yMax ?? (values.Count > 0 ? values.Max() : 1);
        if (yMin is null || yMax is null)
        {
            var pad = (max - min) * 0.1 + 1e-6;
            if (yMin is null) min -= pad;
            if (yMax is null) max += pad;
        }
        if (!(max > min)) max = min + 1;
        var plotWidth = width - left - right;
        var slot = plotWidth / Math.Max(1, waves.Count);
        double X(int wave, int s) => left + slot * (wave + 0.5) + (s - (series.Count - 1) / 2.0) * Math.Min(10, slot / (series.Count + 2));
        double Y(double v) => top + (max - v) / (max - min) * plotHeight;

        var svg = Svg.Open(id, width, height, title, description);
        foreach (var t in Svg.Ticks(min, max))
        {
            var y = Y(t);
            svg.Append($"<line x1=\"{Svg.N(left)}\" y1=\"{Svg.N(y)}\" x2=\"{Svg.N(width - right)}\" y2=\"{Svg.N(y)}\" stroke=\"#dddddd\"/>");
            Svg.Text(svg, left - 6, y + 4, percent ? French.Percent(t, 0) : French.Number(t, decimals), "end");
        }
        svg.Append($"<line x1=\"{Svg.N(left)}\" y1=\"{Svg.N(top)}\" x2=\"{Svg.N(left)}\" y2=\"{Svg.N(top + plotHeight)}\" stroke=\"#333\"/>");
        svg.Append($"<line x1=\"{Svg.N(left)}\" y1=\"{Svg.N(top + plotHeight)}\" x2=\"{Svg.N(width - right)}\" y2=\"{Svg.N(top + plotHeight)}\" stroke=\"#333\"/>");
        for (var w = 0; w < waves.Count; w++) Svg.Text(svg, left + slot * (w + 0.5), top + plotHeight + 18, waves[w], "middle", maxChars: (int)(slot / 7));
        Svg.Text(svg, 14, top + plotHeight / 2, yLabel, "middle", $" transform=\"rotate(-90 14 {Svg.N(top + plotHeight / 2)})\" font-style=\"italic\"");

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Svg.Colour(series[s].Style);
            var dash = Svg.Dash(series[s].Style);
            var path = new List<string>();
            for (var w = 0; w < series[s].Points.Count; w++)
            {
                if (series[s].Points[w] is not { } p) { if (path.Count > 0) Flush(); continue; }
                path.Add($"{(path.Count == 0 ? "M" : "L")}{Svg.N(X(w, s))} {Svg.N(Y(p.Mean))}");
            }
            Flush();
            for (var w = 0; w < series[s].Points.Count; w++)
            {
                if (series[s].Points[w] is not { } p) continue;
                var x = X(w, s);
                if (double.IsFinite(p.Lower) && double.IsFinite(p.Upper))
                {
                    svg.Append($"<line x1=\"{Svg.N(x)}\" y1=\"{Svg.N(Y(p.Lower))}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(Y(p.Upper))}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
                    foreach (var end in new[] { p.Lower, p.Upper })
                        svg.Append($"<line x1=\"{Svg.N(x - 4)}\" y1=\"{Svg.N(Y(end))}\" x2=\"{Svg.N(x + 4)}\" y2=\"{Svg.N(Y(end))}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
                }
                Svg.Marker(svg, series[s].Style, x, Y(p.Mean), 4.5, colour, " stroke=\"#ffffff\" stroke-width=\"0.8\"");
            }
            var ly = legendTop + s * legendLine;
            svg.Append($"<line x1=\"{Svg.N(left)}\" y1=\"{Svg.N(ly)}\" x2=\"{Svg.N(left + 40)}\" y2=\"{Svg.N(ly)}\" stroke=\"{colour}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
            Svg.Marker(svg, series[s].Style, left + 20, ly, 4.5, colour);
            Svg.Text(svg, left + 50, ly + 4, series[s].Label);

            void Flush()
            {
                if (path.Count > 1)
                    svg.Append($"<path d=\"{string.Join(' ', path)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
                path.Clear();
            }
        }
        return Svg.Close(svg);
    }
}
