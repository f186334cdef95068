namespace ImpactEval.Reporting.Charts;

/// <summary>
/// Sample-flow diagram (in the spirit of CONSORT): one column per group, a box for the enrolled participants, then
/// one box per wave with those observed and, beside it, those not observed. Counts arrive already formatted and
/// protected ("s" for a hidden count).
/// </summary>
public static class FlowDiagram
{
    /// <summary>One group's column.</summary>
    /// <param name="Label">Group label.</param>
    /// <param name="Enrolled">Enrolled, formatted.</param>
    /// <param name="Waves">One step per wave.</param>
    public sealed record Column(string Label, string Enrolled, IReadOnlyList<Step> Waves);

    /// <summary>One wave of a group.</summary>
    /// <param name="Wave">Wave label.</param>
    /// <param name="Observed">Observed, formatted.</param>
    /// <param name="Lost">Not observed, formatted, with the rate ("22 (7,1 %)").</param>
    public sealed record Step(string Wave, string Observed, string Lost);

    /// <summary>Draws the diagram.</summary>
    public static string Render(string id, string title, string description, IReadOnlyList<Column> columns)
    {
        const double width = 720, top = 10, minBoxHeight = 58, gap = 34, headingLine = 13;
        var steps = columns.Count == 0 ? 0 : columns.Max(c => c.Waves.Count);
        var columnWidth = width / Math.Max(1, columns.Count);
        var boxWidth = columnWidth - 16;
        var maxChars = (int)(boxWidth / 6.6);
        // Box headings are wrapped, never cut; the boxes of a row are as tall as the longest heading of the row needs.
        List<string> Heading(int row, Column c) => Svg.WrapAll(row == 0 ? c.Label : row - 1 < c.Waves.Count ? c.Waves[row - 1].Wave : "", maxChars);
        var rowHeights = Enumerable.Range(0, steps + 1)
            .Select(r => columns.Count == 0 ? minBoxHeight : Math.Max(minBoxHeight, 32 + columns.Max(c => Heading(r, c).Count) * headingLine)).ToList();
        var rowTops = new List<double> { top };
        for (var r = 1; r <= steps; r++) rowTops.Add(rowTops[r - 1] + rowHeights[r - 1] + gap);
        var height = rowTops[^1] + rowHeights[^1] + gap + 4;
        var svg = Svg.Open(id, width, height, title, description);
        svg.Append($"<defs><marker id=\"{id}-fleche\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 Z\" fill=\"#333\"/></marker></defs>");
        for (var c = 0; c < columns.Count; c++)
        {
            var x = c * columnWidth + 8;
            var colour = Svg.Colour(c);
            Box(x, rowTops[0], rowHeights[0], Heading(0, columns[c]), $"Inscrits : {columns[c].Enrolled}", colour, 3);
            for (var s = 0; s < columns[c].Waves.Count; s++)
            {
                var y = rowTops[s + 1];
                var cx = x + boxWidth / 2;
                svg.Append($"<line x1=\"{Svg.N(cx)}\" y1=\"{Svg.N(y - gap)}\" x2=\"{Svg.N(cx)}\" y2=\"{Svg.N(y - 2)}\" stroke=\"#333\" marker-end=\"url(#{id}-fleche)\"/>");
                Svg.Text(svg, cx + 6, y - gap / 2 - 2, "non observés :", "start", " font-size=\"10\" fill=\"#333\"");
                Svg.Text(svg, cx + 6, y - gap / 2 + 10, columns[c].Waves[s].Lost, "start", " font-size=\"10\" fill=\"#333\"");
                var step = columns[c].Waves[s];
                Box(x, y, rowHeights[s + 1], Heading(s + 1, columns[c]), $"Observés : {step.Observed}", colour, 1.5);
            }
        }
        return Svg.Close(svg);

        void Box(double x, double y, double boxHeight, List<string> heading, string line, string colour, double strokeWidth)
        {
            svg.Append($"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(boxWidth)}\" height=\"{Svg.N(boxHeight)}\" rx=\"4\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"{Svg.N(strokeWidth)}\"/>");
            for (var i = 0; i < heading.Count; i++)
                Svg.Text(svg, x + boxWidth / 2, y + 15 + i * headingLine, heading[i], "middle", " font-size=\"11\"");
            Svg.Text(svg, x + boxWidth / 2, y + boxHeight - 9, line, "middle", " font-weight=\"bold\"");
        }
    }
}
