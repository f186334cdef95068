using System.Net;

namespace ImpactEval.TestSupport;

/// <summary>
/// The text of a rendered page with French typography folded back to plain characters (no-break spaces to spaces,
/// typographic apostrophe and minus sign to their ASCII forms), for tests that read figures and sentences out of a
/// report. The typography itself is checked by the typography scan tests, not here.
/// </summary>
public static class PlainHtml
{
    public static string Of(string html) => WebUtility.HtmlDecode(html)
        .Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2019', '\'').Replace('\u2212', '-');
}
