using System.Globalization;
using System.Text;

namespace ImpactEval.Reporting.Charts;

/// <summary>
/// Small helpers to write SVG by hand, deterministically: coordinates with at most two decimals in the invariant
/// culture, text escaped, the accessible frame (&lt;title&gt;, &lt;desc&gt;, role="img") and the shared styles that
/// keep every chart readable in greyscale (each group has a dash pattern, a marker shape and a fill pattern, not
/// only a colour).
/// </summary>
internal static class Svg
{
    /// <summary>Okabe–Ito colours (safe for colour-blind readers), dark enough to print.</summary>
    private static readonly string[] Colours = ["#0a5b8f", "#b34700", "#00755a", "#8e3b7a", "#8a6d00", "#444444"];

    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

    private static readonly string[] MarkerNames = ["ronds", "carrés", "triangles", "losanges", "croix", "étoiles"];

    private static readonly string[] DashNames = ["trait plein", "tirets", "pointillés", "tirets-points", "points serrés", "tirets longs"];

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    public static string Colour(int index) => Colours[index % Colours.Length];

    public static string Dash(int index) => Dashes[index % Dashes.Length];

    /// <summary>How a group is drawn, in words, for readers of a greyscale print.</summary>
    public static string StyleText(int index) => $"{DashNames[index % DashNames.Length]}, {MarkerNames[index % MarkerNames.Length]}";

    /// <summary>Opens the SVG with its accessible title and description.</summary>
    public static StringBuilder Open(string id, double width, double height, string title, string description)
    {
        var svg = new StringBuilder(4096);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-labelledby=\"{id}-titre {id}-desc\" font-family=\"'DejaVu Sans', Arial, sans-serif\" font-size=\"12\">");
        svg.Append($"<title id=\"{id}-titre\">{Escape(title)}</title>");
        svg.Append($"<desc id=\"{id}-desc\">{Escape(description)}</desc>");
        return svg;
    }

    public static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    /// <summary>The names of the motifs, one per level index modulo 4 (plain, hatches, dots, cross-hatches).</summary>
    public static readonly string[] MotifNames = ["uni", "hachures", "points", "croisillons"];

    /// <summary>
    /// A rectangle filled with the shade and the motif of level <paramref name="index"/> (of <paramref name="count"/>): plain,
    /// white diagonal hatches, dots or cross-hatches, so that levels differ in greyscale, not only by colour. The motif is
    /// drawn as vector lines and dots on an 8-unit grid shared by the whole chart (adjacent bars line up), inside a
    /// <c>g data-motif</c>; an SVG &lt;pattern&gt; would look the same on screen but Chromium's PDF printer rasterises it
    /// (5.8 of the 7.8 MB of the demo report's PDF).
    /// </summary>
    public static void MotifRect(StringBuilder svg, double x, double y, double width, double height, int index, int count, string stroke, double strokeWidth)
    {
        var motif = index % MotifNames.Length;
        svg.Append($"<g data-motif=\"{MotifNames[motif]}\">");
        svg.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{Shade(index, count)}\"/>");
        var lines = new StringBuilder();
        if (motif is 1 or 3) Hatches(lines, x, y, width, height, rising: true);
        if (motif is 3) Hatches(lines, x, y, width, height, rising: false);
        if (lines.Length > 0) svg.Append($"<path d=\"{lines.ToString().TrimEnd()}\" stroke=\"#ffffff\" stroke-width=\"{(motif == 1 ? "1.2" : "0.8")}\"/>");
        if (motif == 2)
        {
            const double r = 1.3;
            for (var cx = Math.Ceiling((x + r - 4) / 8) * 8 + 4; cx + r <= x + width; cx += 8)
                for (var cy = Math.Ceiling((y + r - 4) / 8) * 8 + 4; cy + r <= y + height; cy += 8)
                    svg.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"#ffffff\"/>");
        }
        svg.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"/>");
        svg.Append("</g>");
    }

    /// <summary>
    /// Path segments of the diagonals x + y ≡ 0 (rising) or y − x ≡ 0 (falling, mod 8) that cross the rectangle, cut at its
    /// edges (SVG's y axis points down, so "rising" goes up to the right).
    /// </summary>
    private static void Hatches(StringBuilder path, double x0, double y0, double width, double height, bool rising)
    {
        double x1 = x0 + width, y1 = y0 + height;
        if (rising)
            for (var c = Math.Floor((x0 + y0) / 8) * 8 + 8; c < x1 + y1; c += 8)
            {
                double xa = Math.Max(x0, c - y1), xb = Math.Min(x1, c - y0);
                if (xb > xa) path.Append($"M{N(xa)} {N(c - xa)}L{N(xb)} {N(c - xb)} ");
            }
        else
            for (var c = Math.Floor((y0 - x1) / 8) * 8 + 8; c < y1 - x0; c += 8)
            {
                double xa = Math.Max(x0, y0 - c), xb = Math.Min(x1, y1 - c);
                if (xb > xa) path.Append($"M{N(xa)} {N(xa + c)}L{N(xb)} {N(xb + c)} ");
            }
    }

    /// <summary>A sequential shade from light to dark (index 0 lightest).</summary>
    public static string Shade(int index, int count)
    {
        var t = count <= 1 ? 0.5 : (double)index / (count - 1);
        var light = (r: 0xd6, g: 0xe4, b: 0xf0);
        var dark = (r: 0x08, g: 0x30, b: 0x6b);
        int Mix(int a, int b) => (int)Math.Round(a + (b - a) * t);
        return $"#{Mix(light.r, dark.r):x2}{Mix(light.g, dark.g):x2}{Mix(light.b, dark.b):x2}";
    }

    /// <summary>Whether text on a shade should be white.</summary>
    public static bool DarkShade(int index, int count) => count > 1 && (double)index / (count - 1) > 0.45;

    /// <summary>A marker of the given shape centred on (x, y).</summary>
    public static void Marker(StringBuilder svg, int index, double x, double y, double size, string colour, string extra = "")
    {
        var s = size;
        switch (index % MarkerNames.Length)
        {
            case 0: svg.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(s)}\" fill=\"{colour}\"{extra}/>"); break;
            case 1: svg.Append($"<rect x=\"{N(x - s)}\" y=\"{N(y - s)}\" width=\"{N(2 * s)}\" height=\"{N(2 * s)}\" fill=\"{colour}\"{extra}/>"); break;
            case 2: svg.Append($"<path d=\"M{N(x)} {N(y - s * 1.2)} L{N(x + s * 1.1)} {N(y + s * 0.9)} L{N(x - s * 1.1)} {N(y + s * 0.9)} Z\" fill=\"{colour}\"{extra}/>"); break;
            case 3: svg.Append($"<path d=\"M{N(x)} {N(y - s * 1.3)} L{N(x + s * 1.3)} {N(y)} L{N(x)} {N(y + s * 1.3)} L{N(x - s * 1.3)} {N(y)} Z\" fill=\"{colour}\"{extra}/>"); break;
            case 4: svg.Append($"<path d=\"M{N(x - s)} {N(y - s)} L{N(x + s)} {N(y + s)} M{N(x + s)} {N(y - s)} L{N(x - s)} {N(y + s)}\" stroke=\"{colour}\" stroke-width=\"2.2\"{extra}/>"); break;
            default: svg.Append($"<path d=\"M{N(x)} {N(y - s * 1.3)} L{N(x + s * 0.4)} {N(y - s * 0.4)} L{N(x + s * 1.3)} {N(y - s * 0.3)} L{N(x + s * 0.6)} {N(y + s * 0.3)} L{N(x + s * 0.8)} {N(y + s * 1.3)} L{N(x)} {N(y + s * 0.7)} L{N(x - s * 0.8)} {N(y + s * 1.3)} L{N(x - s * 0.6)} {N(y + s * 0.3)} L{N(x - s * 1.3)} {N(y - s * 0.3)} L{N(x - s * 0.4)} {N(y - s * 0.4)} Z\" fill=\"{colour}\"{extra}/>"); break;
        }
    }

    /// <summary>Text, possibly on several lines (one &lt;tspan&gt; per line), the block centred vertically on <paramref name="y"/>.</summary>
    public static void Text(StringBuilder svg, double x, double y, string text, string anchor = "start", string extra = "", int maxChars = 0, double lineHeight = 14)
    {
        var lines = maxChars > 0 ? Wrap(text, maxChars) : [text];
        Lines(svg, x, y - (lines.Count - 1) * lineHeight / 2, lines, anchor, extra, lineHeight);
    }

    /// <summary>Lines of text, the first on the baseline <paramref name="y"/>, the next ones <paramref name="lineHeight"/> below each other.</summary>
    public static void Lines(StringBuilder svg, double x, double y, IReadOnlyList<string> lines, string anchor = "start", string extra = "", double lineHeight = 14)
    {
        svg.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"{extra}>");
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines.Count == 1) svg.Append(Escape(lines[i]));
            else svg.Append($"<tspan x=\"{N(x)}\" dy=\"{(i == 0 ? "0" : N(lineHeight))}\">{Escape(lines[i])}</tspan>");
        }
        svg.Append("</text>");
    }

    /// <summary>
    /// Splits text at spaces into lines of at most <paramref name="maxChars"/> characters (a longer word keeps a line of
    /// its own). Beyond <paramref name="maxLines"/> lines the last one ends with an ellipsis; pass
    /// <see cref="int.MaxValue"/> to keep every word, for labels that must be read in full.
    /// </summary>
    public static List<string> Wrap(string text, int maxChars, int maxLines = 3)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > maxChars)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        if (current.Length > 0) lines.Add(current.ToString());
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1].TrimEnd('.', ',') + "…";
        }
        return lines.Count == 0 ? [""] : lines;
    }

    /// <summary>Wraps a label to be read in full: every word kept, on as many lines as needed.</summary>
    public static List<string> WrapAll(string text, int maxChars) => Wrap(text, maxChars, int.MaxValue);

    /// <summary>"Nice" axis ticks covering [min, max].</summary>
    public static List<double> Ticks(double min, double max, int target = 5)
    {
        if (!(max > min)) { max = min + 1; }
        var rough = (max - min) / target;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        var ticks = new List<double>();
        for (var t = Math.Ceiling(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.Add(Math.Round(t, 10));
        return ticks;
    }
}
