using ImpactEval.Reporting.Formatting;

namespace ImpactEval.Reporting.Charts;

/// <summary>
/// Forest plot: one row per contrast, the estimate as a marker and its confidence interval as a horizontal line,
/// with a vertical reference line at "no difference" (0, or 1 on a logarithmic axis for odds ratios).
/// </summary>
public static class ForestPlot
{
    /// <summary>One row of the plot.</summary>
    /// <param name="Label">Row label (the indicator).</param>
    /// <param name="SubLabel">Second line (the comparison group).</param>
    /// <param name="Estimate">Point estimate.</param>
    /// <param name="Lower">Lower bound.</param>
    /// <param name="Upper">Upper bound.</param>
    /// <param name="Style">Style index of the comparison group (marker shape).</param>
    public sealed record Row(string Label, string SubLabel, double Estimate, double Lower, double Upper, int Style);

    /// <summary>Draws the plot.</summary>
    /// <param name="id">SVG id (unique in the page).</param>
    /// <param name="title">Title.</param>
    /// <param name="description">Description.</param>
    /// <param name="rows">Rows, drawn top to bottom.</param>
    /// <param name="oddsRatio">Whether estimates are odds ratios (log axis, reference at 1).</param>
    /// <param name="axisLabel">Axis label ("Écart (points)", "Rapport des chances").</param>
    /// <param name="decimals">Decimals of tick labels.</param>
    /// <param name="referenceValue">Where the line of no effect is drawn; null for 1 (ratios) or 0 (differences).</param>
    public static string Render(string id, string title, string description, IReadOnlyList<Row> rows, bool oddsRatio, string axisLabel, int decimals,
        double? referenceValue = null)
    {
        const double width = 720, labelWidth = 300, right = 24, minRowHeight = 40, top = 16, axisHeight = 52, labelLine = 14, subLine = 12, rowPadding = 12;
        // Labels are wrapped, never cut: a row is as tall as its lines need (the label column holds about 42 characters
        // of the 12-unit label font per line, 54 of the 10-unit second line).
        var labels = rows.Select(r => (Label: Svg.WrapAll(r.Label, 42), Sub: Svg.WrapAll(r.SubLabel, 54))).ToList();
        var heights = labels.Select(l => Math.Max(minRowHeight, l.Label.Count * labelLine + l.Sub.Count * subLine + rowPadding)).ToList();
        var plotBottom = top + heights.Sum();
        var height = plotBottom + axisHeight;
        Func<double, double> transform = oddsRatio ? Math.Log : v => v;
        var reference = referenceValue ?? (oddsRatio ? 1.0 : 0.0);
        var values = rows.SelectMany(r => new[] { r.Lower, r.Upper, r.Estimate }).Where(double.IsFinite).Where(v => !oddsRatio || v > 0).Append(reference).ToList();
        var min = transform(values.Min());
        var max = transform(values.Max());
        var pad = (max - min) * 0.08 + 1e-9;
        min -= pad;
        max += pad;
        double X(double v) => labelWidth + (transform(v) - min) / (max - min) * (width - labelWidth - right);

        var svg = Svg.Open(id, width, height, title, description);
        // Row bands first, so that the reference line is drawn over them.
        var rowTop = top;
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 2 == 1) svg.Append($"<rect x=\"0\" y=\"{Svg.N(rowTop)}\" width=\"{Svg.N(width)}\" height=\"{Svg.N(heights[i])}\" fill=\"#f2f2f2\"/>");
            rowTop += heights[i];
        }
        // Axis, ticks and reference line.
        var ticks = oddsRatio ? RatioTicks(min, max) : Svg.Ticks(min, max);
        svg.Append($"<line x1=\"{Svg.N(labelWidth)}\" y1=\"{Svg.N(plotBottom)}\" x2=\"{Svg.N(width - right)}\" y2=\"{Svg.N(plotBottom)}\" stroke=\"#333\"/>");
        foreach (var t in ticks)
        {
            var x = X(t);
            svg.Append($"<line x1=\"{Svg.N(x)}\" y1=\"{Svg.N(plotBottom)}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(plotBottom + 5)}\" stroke=\"#333\"/>");
            Svg.Text(svg, x, plotBottom + 18, French.Number(t, oddsRatio ? RatioDecimals(t) : decimals), "middle");
        }
        Svg.Text(svg, labelWidth + (width - labelWidth - right) / 2, plotBottom + 40, axisLabel, "middle", " font-style=\"italic\"");
        var xr = X(reference);
        svg.Append($"<line x1=\"{Svg.N(xr)}\" y1=\"{Svg.N(top - 6)}\" x2=\"{Svg.N(xr)}\" y2=\"{Svg.N(plotBottom)}\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>");

        rowTop = top;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = rowTop + heights[i] / 2;
            var (label, sub) = labels[i];
            // The label block (indicator, then comparison group in smaller type) is centred on the row.
            var block = label.Count * labelLine + sub.Count * subLine;
            var baseline = y - block / 2 + 10;
            Svg.Lines(svg, labelWidth - 10, baseline, label, "end", "", labelLine);
            Svg.Lines(svg, labelWidth - 10, baseline + (label.Count - 1) * labelLine + subLine + 2, sub, "end", " font-size=\"10\" fill=\"#444\"", subLine);
            var colour = Svg.Colour(row.Style);
            svg.Append($"<line x1=\"{Svg.N(X(row.Lower))}\" y1=\"{Svg.N(y)}\" x2=\"{Svg.N(X(row.Upper))}\" y2=\"{Svg.N(y)}\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            foreach (var end in new[] { row.Lower, row.Upper })
                svg.Append($"<line x1=\"{Svg.N(X(end))}\" y1=\"{Svg.N(y - 5)}\" x2=\"{Svg.N(X(end))}\" y2=\"{Svg.N(y + 5)}\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            Svg.Marker(svg, row.Style, X(row.Estimate), y, 5, colour, " stroke=\"#ffffff\" stroke-width=\"0.8\"");
            rowTop += heights[i];
        }
        return Svg.Close(svg);
    }

    /// <summary>Ticks of a logarithmic odds-ratio axis between e^min and e^max: powers of 2, or finer steps on a narrow axis.</summary>
    private static List<double> RatioTicks(double min, double max)
    {
        bool Inside(double t) => Math.Log(t) >= min && Math.Log(t) <= max;
        var coarse = new[] { 0.0625, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16 }.Where(Inside).ToList();
        if (coarse.Count >= 3) return coarse;
        var fine = new[] { 0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 4 }.Where(Inside).ToList();
        return fine.Count > 7 ? [.. fine.Where(t => t is 0.25 or 0.5 or 0.75 or 1 or 1.5 or 2 or 3 or 4)] : fine;
    }

    /// <summary>Decimals of an odds-ratio tick label: as many as the tick has (0,25 ; 0,5 ; 1 ; 1,5).</summary>
    private static int RatioDecimals(double t) =>
        Math.Round(t) == t ? 0 : Math.Round(t, 1) == t ? 1 : Math.Round(t, 2) == t ? 2 : 4;
}
