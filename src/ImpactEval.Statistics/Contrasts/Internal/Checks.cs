namespace ImpactEval.Statistics.Contrasts;

/// <summary>Group-size checks shared by the contrast and descriptive estimators.</summary>
internal static class Checks
{
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
            ? $"Le groupe « {group.Label} » ne compte qu'une observation : {purpose} impossible (il en faut au moins {FrenchFormat.Count(minimum)})."
            : $"Le groupe « {group.Label} » ne compte que {FrenchFormat.Count(values.Length)} observations : {purpose} impossible (il en faut au moins {FrenchFormat.Count(minimum)}).");
    }
}
