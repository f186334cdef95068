using System.Globalization;
using ImpactEval.Core.Text;

namespace ImpactEval.Reporting.Formatting;

/// <summary>
/// French formatting of every number, share, date, interval and p-value a report shows: "1 234,5",
/// "12,3 %", "22 novembre 2026", "0,42 [0,11 ; 0,73]", "p &lt; 0,001". Separators are non-breaking spaces
/// (U+00A0) so that a number never breaks across lines. Pure and culture-independent of the machine.
/// </summary>
public static class French
{
    /// <summary>The non-breaking space used between digits groups and before "%", ";" and units.</summary>
    public const char Space = '\u00A0';

    /// <summary>What a report shows in place of a value that could not be computed ("non disponible").</summary>
    public const string NotAvailable = "n.d.";

    /// <summary>
    /// What a report shows where a value does not exist by design ("sans objet"): the standard deviation of a yes/no
    /// indicator, the mean of a group that was not asked. Never used for a hidden value (<see cref="Suppressed"/>).
    /// </summary>
    public const string NotApplicable = "sans objet";

    /// <summary>
    /// What a report shows in place of a value hidden by statistical disclosure control ("secret statistique",
    /// the convention of French official statistics). The same mark is used for every hidden value, so that a
    /// reader cannot tell a small count from a value hidden only to protect it.
    /// </summary>
    public const string Suppressed = "s";

    private static readonly CultureInfo Culture = FrenchNumber.Culture;

    /// <summary>A number with French separators: 1234.5 → "1 234,5"; NaN or infinite → "n.d.".</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Decimals shown, 0 to 6.</param>
    public static string Number(double value, int decimals)
    {
        if (!double.IsFinite(value)) return NotAvailable;
        decimals = Math.Clamp(decimals, 0, 6);
        return FrenchNumber.Format(Math.Round(value, decimals, MidpointRounding.AwayFromZero), decimals);
    }

    /// <summary>A whole count: 1234 → "1 234".</summary>
    public static string Count(int value) => Number(value, 0);

    /// <summary>A proportion in [0, 1] as a French percentage: 0.123 → "12,3 %".</summary>
    /// <param name="proportion">The proportion (0.123 for 12,3 %).</param>
    /// <param name="decimals">Decimals of the percentage.</param>
    public static string Percent(double proportion, int decimals = 1) =>
        double.IsFinite(proportion) ? Number(proportion * 100, decimals) + Space + "%" : NotAvailable;

    /// <summary>A date in words: 2026-11-22 → "22 novembre 2026", the first of a month as "1er".</summary>
    public static string Date(DateOnly date)
    {
        var day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
        return day + " " + Culture.DateTimeFormat.GetMonthName(date.Month) + " " + date.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The date of a timestamp in its own offset: "22 novembre 2026".</summary>
    public static string Date(DateTimeOffset timestamp) => Date(DateOnly.FromDateTime(timestamp.DateTime));

    /// <summary>A timestamp in its own offset: "22 novembre 2026 à 14 h 05".</summary>
    public static string DateTime(DateTimeOffset timestamp) =>
        Date(timestamp) + " à " + timestamp.Hour.ToString(CultureInfo.InvariantCulture) + Space + "h" + Space +
        timestamp.Minute.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>An estimate with its confidence interval: "0,42 [0,11 ; 0,73]".</summary>
    /// <param name="estimate">Point estimate.</param>
    /// <param name="lower">Lower bound.</param>
    /// <param name="upper">Upper bound.</param>
    /// <param name="decimals">Decimals of the three numbers.</param>
    public static string Interval(double estimate, double lower, double upper, int decimals) =>
        Number(estimate, decimals) + Space + Bounds(lower, upper, decimals);

    /// <summary>Only the bounds of an interval: "[0,11 ; 0,73]".</summary>
    public static string Bounds(double lower, double upper, int decimals) =>
        !double.IsFinite(lower) || !double.IsFinite(upper)
            ? "[" + NotAvailable + "]"
            : "[" + Number(lower, decimals) + Space + ";" + Space + Number(upper, decimals) + "]";

    /// <summary>
    /// A p-value as French reports write it: "p &lt; 0,001" below one in a thousand, three decimals below 0.1
    /// ("p = 0,012"), two above ("p = 0,43"); "p n.d." when missing.
    /// </summary>
    /// <param name="p">The p-value in [0, 1].</param>
    /// <param name="name">The symbol ("p", or "p ajustée").</param>
    public static string PValue(double p, string name = "p")
    {
        name = name.Replace(' ', Space);
        if (!double.IsFinite(p)) return name + Space + NotAvailable;
        if (p < 0.001) return name + Space + "<" + Space + Number(0.001, 3);
        return name + Space + "=" + Space + (p < 0.1 ? Number(p, 3) : Number(p, 2));
    }

    /// <summary>A p-value without its symbol, as a table cell shows it: "&lt; 0,001", "0,012", "0,43".</summary>
    public static string PValueCell(double p)
    {
        if (!double.IsFinite(p)) return NotAvailable;
        if (p < 0.001) return "<" + Space + Number(0.001, 3);
        return p < 0.1 ? Number(p, 3) : Number(p, 2);
    }

    /// <summary>
    /// A quantity with its unit, agreeing in number as French does (singular below 2: "0,4 point",
    /// "1,5 séance"; plural from 2: "2,3 points"). The unit is given in the plural as protocols write it;
    /// its singular drops a final "s" except for invariable words ("mois", "fois", "pas"…).
    /// </summary>
    /// <param name="value">The quantity (its sign is ignored; say "de plus" or "de moins" around it).</param>
    /// <param name="decimals">Decimals shown.</param>
    /// <param name="pluralUnit">The unit in the plural ("points", "séances"); null for none.</param>
    public static string Quantity(double value, int decimals, string? pluralUnit)
    {
        var text = Number(Math.Abs(value), decimals);
        if (string.IsNullOrWhiteSpace(pluralUnit)) return text;
        if (pluralUnit is "%") return text + Space + "%";
        var rounded = Math.Round(Math.Abs(value), decimals, MidpointRounding.AwayFromZero);
        return text + Space + (rounded < 2 ? Singular(pluralUnit) : pluralUnit);
    }

    /// <summary>The singular of a French unit given in the plural ("séances" → "séance", "mois" → "mois").</summary>
    public static string Singular(string plural)
    {
        var words = plural.Split(' ');
        // The head noun is the first word ("points de pourcentage", "demi-journées de présence").
        var head = words[0];
        string[] invariable = ["mois", "fois", "pas", "cas", "poids", "prix", "temps"];
        if (head.Length > 2 && head.EndsWith('s') && !invariable.Contains(head, StringComparer.OrdinalIgnoreCase))
            words[0] = head[..^1];
        else if (head.Length > 3 && head.EndsWith("aux", StringComparison.Ordinal))
            words[0] = head[..^3] + "al";
        return string.Join(' ', words);
    }

    /// <summary>"1 famille", "12 familles": a count with its noun in the right number.</summary>
    public static string Counted(int count, string singular, string plural) =>
        Count(count) + Space + (Math.Abs(count) < 2 ? singular : plural);
}
