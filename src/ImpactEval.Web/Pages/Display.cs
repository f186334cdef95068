using ImpactEval.Core.Text;

namespace ImpactEval.Web.Pages;

/// <summary>French formatting of the figures the pages show (narrow no-break space before %, decimal comma, U+2212 minus).</summary>
public static class Display
{
    /// <summary>"82,5 %" (one decimal), or "—" when there is no rate.</summary>
    public static string Percent(double? rate) => rate is { } r ? FrenchNumber.Format(100 * r, 1) + "\u202F%" : "—";

    /// <summary>A number with <paramref name="decimals"/> decimals, French style.</summary>
    public static string Number(double value, int decimals) => FrenchNumber.Format(value, decimals);

    /// <summary>"05/01/2026".</summary>
    public static string Date(DateOnly date) => FrenchDate.Format(date);

    /// <summary>"05/01/2026", or "—".</summary>
    public static string Date(DateOnly? date) => date is { } d ? FrenchDate.Format(d) : "—";
}
