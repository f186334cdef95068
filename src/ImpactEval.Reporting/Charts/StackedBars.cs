using ImpactEval.Reporting.Formatting;

namespace ImpactEval.Reporting.Charts;

/// <summary>
/// Stacked horizontal bars for an ordinal or categorical distribution: one bar per group (and wave) summing to
/// 100 %, one fill pattern and shade per level (from light to dark in the order of the scale), with the share
/// printed in each segment wide enough to hold it. A bar whose distribution is withheld is drawn as an empty frame
/// with the mention "non publié".
/// </summary>
public static class StackedBars
{
    /// <summary>One bar.</summary>
    /// <param name="Label">Bar label (group, wave).</param>
    /// <param name="Shares">Share per level in [0, 1], in scale order; null when withheld.</param>
    public sealed record Bar(string Label, IReadOnlyList<double>? Shares);

    /// <summary>Draws the bars.</summary>
    public static string Render(string id, string title, string description, IReadOnlyList<string> levels, IReadOnlyList<Bar> bars)
    {
        const double width = 720, labelWidth = 250, right = 16, barHeight = 22, minRowHeight = 32, top = 10, legendRow = 18, labelLine = 12;
        // Bar labels are wrapped, never cut (about 40 characters per line): a row is as tall as its label needs.
        var labels = bars.Select(b => Svg.WrapAll(b.Label, 40)).ToList();
        var heights = labels.Select(l => Math.Max(minRowHeight, l.Count * labelLine + 10)).ToList();
        var legendTop = top + heights.Sum() + 14;
        var legendColumns = 2;
        var height = legendTop + Math.Ceiling(levels.Count / (double)legendColumns) * legendRow + 6;
        var plotWidth = width - labelWidth - right;
        var svg = Svg.Open(id, width, height, title, description);
        var rowTop = top;
        for (var b = 0; b < bars.Count; b++)
        {
            var y = rowTop + (heights[b] - minRowHeight) / 2;
            rowTop += heights[b];
            Svg.Lines(svg, labelWidth - 8, y + barHeight / 2 + 4 - (labels[b].Count - 1) * labelLine / 2, labels[b], "end", "", labelLine);
            if (bars[b].Shares is not { } shares)
            {
                svg.Append($"<rect x=\"{Svg.N(labelWidth)}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(plotWidth)}\" height=\"{Svg.N(barHeight)}\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>");
                Svg.Text(svg, labelWidth + plotWidth / 2, y + barHeight / 2 + 4, "non publié (secret statistique)", "middle", " font-style=\"italic\" fill=\"#555\"");
                continue;
            }
            var x = labelWidth;
            for (var l = 0; l < shares.Count; l++)
            {
                var w = Math.Max(0, shares[l]) * plotWidth;
                if (w <= 0) continue;
                Svg.MotifRect(svg, x, y, w, barHeight, l, levels.Count, "#ffffff", 0.8);
                if (w >= 34)
                {
                    var dark = Svg.DarkShade(l, levels.Count);
                    svg.Append($"<rect x=\"{Svg.N(x + w / 2 - 16)}\" y=\"{Svg.N(y + 5)}\" width=\"32\" height=\"12\" rx=\"2\" fill=\"{(dark ? "#08306b" : "#ffffff")}\" opacity=\"0.85\"/>");
                    Svg.Text(svg, x + w / 2, y + barHeight / 2 + 4, French.Percent(shares[l], 0), "middle", $" font-size=\"10\" fill=\"{(dark ? "#ffffff" : "#000000")}\"");
                }
                x += w;
            }
        }
        for (var l = 0; l < levels.Count; l++)
        {
            var lx = labelWidth + (l % legendColumns) * (plotWidth / legendColumns);
            var ly = legendTop + (l / legendColumns) * legendRow;
            Svg.MotifRect(svg, lx, ly - 10, 22, 12, l, levels.Count, "#333", 0.5);
            Svg.Text(svg, lx + 28, ly, levels[l]);
        }
        return Svg.Close(svg);
    }
}
