using System.Globalization;

namespace ImpactEval.Core.Text;

/// <summary>Dates as French users write them in files and read them in messages: 15/04/2025, whatever the machine's culture.</summary>
public static class FrenchDate
{
    /// <summary>dd/MM/yyyy.</summary>
    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
