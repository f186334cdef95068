using System.Text;
using System.Text.RegularExpressions;
using ImpactEval.Core.Text;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// French typography over a rendered HTML page: <see cref="Typography.Apply"/> on every text node (tags, attributes,
/// comments, <c>style</c> and <c>script</c> are left as they are), the apostrophe the encoder wrote as <c>&amp;#39;</c>
/// included, and ordinal suffixes in superscript (1<sup>er</sup>, 4<sup>e</sup>). What every rendered report goes
/// through, so that a template typed with ordinary spaces still prints French typography. Pure.
/// </summary>
public static partial class HtmlTypography
{
    /// <summary>Applies French typography to the text of an HTML page.</summary>
    /// <param name="html">The page.</param>
    public static string Apply(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var output = new StringBuilder(html.Length + 1024);
        var i = 0;
        string? rawUntil = null; // inside <style> or <script>: copied as is up to the closing tag
        var inSvg = false; // SVG text takes no <sup>
        while (i < html.Length)
        {
            if (rawUntil is not null)
            {
                var end = html.IndexOf(rawUntil, i, StringComparison.OrdinalIgnoreCase);
                end = end < 0 ? html.Length : end;
                output.Append(html, i, end - i);
                i = end;
                rawUntil = null;
                continue;
            }
            if (html[i] == '<')
            {
                var end = html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", i, StringComparison.Ordinal) + 3 : html.IndexOf('>', i) + 1;
                if (end <= 0) end = html.Length;
                var tag = html.AsSpan(i, end - i);
                output.Append(tag);
                if (tag.StartsWith("<style", StringComparison.OrdinalIgnoreCase)) rawUntil = "</style";
                else if (tag.StartsWith("<script", StringComparison.OrdinalIgnoreCase)) rawUntil = "</script";
                else if (tag.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)) inSvg = true;
                else if (tag.StartsWith("</svg", StringComparison.OrdinalIgnoreCase)) inSvg = false;
                i = end;
                continue;
            }
            var next = html.IndexOf('<', i);
            if (next < 0) next = html.Length;
            output.Append(Text(html[i..next], inSvg));
            i = next;
        }
        return output.ToString();
    }

    /// <summary>The text of the page (tags removed, entities decoded, style and script left out): what the typography scan reads.</summary>
    /// <param name="html">The page.</param>
    public static string VisibleText(string html)
    {
        var withoutRaw = RawBlocks().Replace(html, " ");
        return System.Net.WebUtility.HtmlDecode(Tags().Replace(withoutRaw, ""));
    }

    private static string Text(string text, bool inSvg)
    {
        var typed = Typography.Apply(text.Replace("&#39;", "'", StringComparison.Ordinal)).Replace("'", "&#39;", StringComparison.Ordinal);
        return inSvg ? typed : Ordinal().Replace(typed, m => $"{m.Groups[1].Value}<sup>{m.Groups[2].Value}</sup>");
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(\d+)(er|re|ers|res|e|es)(?![\p{L}\p{N}])")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"<(style|script)\b.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex RawBlocks();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
