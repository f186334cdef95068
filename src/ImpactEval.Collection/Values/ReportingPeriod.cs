using System.Globalization;
using System.Text.RegularExpressions;

namespace ImpactEval.Collection.Values;

/// <summary>
/// The period an aggregated value describes, as French users write it: a calendar year ("2025"), a school year
/// ("2024-2025", 1 September to 31 August), a semester ("2025-S1"), a quarter ("2025-T2" or "T2 2025", calendar
/// quarters) or a month ("2025-03" or "03/2025").
/// </summary>
/// <param name="Label">Canonical label ("2025", "2024-2025", "2025-S1", "2025-T2", "2025-03").</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day (inclusive).</param>
public sealed partial record ReportingPeriod(string Label, DateOnly Start, DateOnly End)
{
    /// <summary>Reads a period; false with a French reason when the text is not one of the accepted forms.</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="period">The period when valid.</param>
    /// <param name="error">Why it is not valid, with the accepted forms.</param>
    public static bool TryParse(string text, out ReportingPeriod period, out string? error)
    {
        var t = text.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        period = null!;
        error = null;
        Match m;
        if ((m = Year().Match(t)).Success)
        {
            var y = Int(m, "y");
            period = new ReportingPeriod($"{y}", new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
        else if ((m = SchoolYear().Match(t)).Success && Int(m, "b") == Int(m, "a") + 1)
        {
            var a = Int(m, "a");
            period = new ReportingPeriod($"{a}-{a + 1}", new DateOnly(a, 9, 1), new DateOnly(a + 1, 8, 31));
        }
        else if ((m = Part().Match(t)).Success || (m = PartFirst().Match(t)).Success)
        {
            var y = Int(m, "y");
            var n = Int(m, "n");
            var quarter = m.Groups["k"].Value == "T";
            if (n < 1 || n > (quarter ? 4 : 2)) return Fail(text, out error);
            var months = quarter ? 3 : 6;
            var start = new DateOnly(y, 1 + (n - 1) * months, 1);
            period = new ReportingPeriod($"{y}-{m.Groups["k"].Value}{n}", start, start.AddMonths(months).AddDays(-1));
        }
        else if ((m = Month().Match(t)).Success || (m = MonthFirst().Match(t)).Success)
        {
            var y = Int(m, "y");
            var month = Int(m, "m");
            if (month is < 1 or > 12) return Fail(text, out error);
            var start = new DateOnly(y, month, 1);
            period = new ReportingPeriod($"{y}-{month:00}", start, start.AddMonths(1).AddDays(-1));
        }
        else return Fail(text, out error);
        return true;
    }

    private static bool Fail(string text, out string? error)
    {
        error = $"«\u202F{text.Trim()}\u202F» n’est pas une période reconnue. Formes admises\u202F: 2025 (année civile), 2024-2025 (année scolaire), 2025-S1 (semestre), 2025-T2 ou T2 2025 (trimestre), 2025-03 ou 03/2025 (mois).";
        return false;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>20\d\d)$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?<a>20\d\d)[-/](?<b>20\d\d)$")]
    private static partial Regex SchoolYear();

    [GeneratedRegex(@"^(?<y>20\d\d)-?(?<k>[TS])(?<n>\d)$")]
    private static partial Regex Part();

    [GeneratedRegex(@"^(?<k>[TS])(?<n>\d)-?(?<y>20\d\d)$")]
    private static partial Regex PartFirst();

    [GeneratedRegex(@"^(?<y>20\d\d)-(?<m>\d\d?)$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^(?<m>\d\d?)/(?<y>20\d\d)$")]
    private static partial Regex MonthFirst();
}
