using System.Globalization;

namespace ImpactEval.Statistics.Contrasts;

/// <summary>Group-size checks and French number formatting shared by the contrast and descriptive estimators.</summary>
internal static class Checks
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A number written the French way (decimal comma), with at most <paramref name="decimals"/> decimals.</summary>
    public static string Fr(double value, int decimals = 2) =>
        Math.Round(value, decimals).ToString("0.##########", French);

    /// <summary>Observed (non-missing) values of a group; throws StatisticsException when there are fewer than <paramref name="minimum"/>.</summary>
    public static double[] Observed(GroupSample group, int minimum, string purpose)
    {
        var values = group.ObservedValues();
        if (values.Length >= minimum) return values;
        if (values.Length == 0)
        {
            throw new StatisticsException(group.Values.Length == 0
                ? $"Le groupe « {group.Label} » ne compte aucune observation : {purpose} impossible."
                : $"Toutes les valeurs du groupe « {group.Label} » sont manquantes : {purpose} impossible.");
        }
        throw new StatisticsException(values.Length == 1
            ? $"Le groupe « {group.Label} » ne compte qu'une observation : {purpose} impossible (il en faut au moins {minimum})."
            : $"Le groupe « {group.Label} » ne compte que {values.Length} observations : {purpose} impossible (il en faut au moins {minimum}).");
    }
}
