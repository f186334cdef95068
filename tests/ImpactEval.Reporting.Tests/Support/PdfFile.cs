using System.Text;
using System.Text.RegularExpressions;

namespace ImpactEval.Reporting.Tests.Support;

/// <summary>What a test can check in a PDF without a PDF library (pdftotext is not installed here).</summary>
public static partial class PdfFile
{
    public static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Number of page objects ("/Type /Page", not "/Pages").</summary>
    public static int PageCount(string pdf) => PagePattern().Matches(pdf).Count;

    /// <summary>The media boxes of the pages (width, height in points).</summary>
    public static IEnumerable<(double Width, double Height)> MediaBoxes(string pdf) =>
        MediaBoxPattern().Matches(pdf).Select(m => (double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The document title from the Info dictionary (Chromium writes the HTML &lt;title&gt; there, in UTF-16BE hex).</summary>
    public static string? Title(string pdf)
    {
        var hex = TitleHexPattern().Match(pdf);
        if (hex.Success)
        {
            var bytes = Convert.FromHexString(hex.Groups[1].Value);
            return Encoding.BigEndianUnicode.GetString(bytes); // the FEFF byte-order mark is outside the group
        }
        var literal = TitleLiteralPattern().Match(pdf);
        return literal.Success ? literal.Groups[1].Value : null;
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBoxPattern();

    [GeneratedRegex(@"/Title\s*<FEFF([0-9A-Fa-f]*)>")]
    private static partial Regex TitleHexPattern();

    [GeneratedRegex(@"/Title\s*\(([^)]*)\)")]
    private static partial Regex TitleLiteralPattern();
}
