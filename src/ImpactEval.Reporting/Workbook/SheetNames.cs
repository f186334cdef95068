using System.Globalization;

namespace ImpactEval.Reporting.Workbook;

/// <summary>
/// Hands out the sheet names of one workbook: names Excel accepts — and ClosedXML, which refuses the others — at most
/// 31 characters, none of <c>[ ] : * ? / \</c> or control characters, no apostrophe at either end, never empty, and
/// unique ignoring case; the README sheet's name (<see cref="WorkbookWriter.ReadmeSheet"/>) is taken from the start.
/// A name already given gets a number: "Contrastes A1", "Contrastes A1 2".
/// </summary>
public sealed class SheetNames
{
    /// <summary>The longest sheet name Excel accepts.</summary>
    public const int MaxLength = 31;

    private readonly HashSet<string> taken = new(StringComparer.OrdinalIgnoreCase) { WorkbookWriter.ReadmeSheet };

    /// <summary>A valid sheet name close to <paramref name="name"/>, not given before by this instance.</summary>
    /// <param name="name">The wished name (a table's title or code); any text.</param>
    public string Unique(string name)
    {
        var clean = Fit(new string([.. name.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '-' : c)]), MaxLength);
        if (clean.Length == 0) clean = "Tableau";
        var candidate = clean;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            var suffix = " " + i.ToString(CultureInfo.InvariantCulture);
            candidate = Fit(clean, MaxLength - suffix.Length) + suffix;
        }
        return candidate;
    }

    /// <summary>The text cut to <paramref name="length"/> characters, without spaces or apostrophes at its ends.</summary>
    private static string Fit(string text, int length)
    {
        var trimmed = text.Trim().Trim('\'').Trim();
        return trimmed.Length <= length ? trimmed : trimmed[..length].TrimEnd().TrimEnd('\'');
    }
}
