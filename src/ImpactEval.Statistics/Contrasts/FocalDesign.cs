using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Focal designs: one group of interest (e.g. the families who benefited from an action) compared
/// with each of several comparison cohorts, as in the PasserelleS protocol.
/// </summary>
public static class FocalDesign
{
    /// <summary>
    /// Runs a two-group contrast of the focal group against each other group, in the order the groups
    /// are given, and returns one result per comparison group.
    /// </summary>
    /// <typeparam name="T">The contrast result type.</typeparam>
    /// <param name="groups">All groups, the focal one included; labels distinct.</param>
    /// <param name="focalLabel">Label of the focal group.</param>
    /// <param name="contrast">
    /// The contrast, called as contrast(focal, comparison), e.g.
    /// <c>(f, c) =&gt; MeanContrasts.Welch(f, c, 0.90)</c> or <c>RankContrasts.Compare</c>.
    /// </param>
    /// <returns>
    /// One entry per comparison group. A comparison that raises <see cref="StatisticsException"/>
    /// (e.g. a comparison group with a single value) is kept, with a null result and the French
    /// reason, so that the other comparisons are still reported.
    /// </returns>
    /// <exception cref="StatisticsException">No group has the focal label, or there is no other group.</exception>
    /// <exception cref="ArgumentException">Group labels repeat.</exception>
    /// <remarks>
    /// No multiplicity adjustment is applied; pass the p-values to <see cref="MultipleTesting"/>
    /// (e.g. Holm) when several comparisons are read together.
    /// </remarks>
    public static ImmutableArray<FocalComparison<T>> AgainstEach<T>(
        IReadOnlyList<GroupSample> groups, string focalLabel, Func<GroupSample, GroupSample, T> contrast)
        where T : class
    {
        if (groups.Select(g => g.Label).Distinct(StringComparer.Ordinal).Count() != groups.Count)
            throw new ArgumentException("Group labels must be distinct.", nameof(groups));
        var focal = groups.FirstOrDefault(g => g.Label == focalLabel)
            ?? throw new StatisticsException($"Le groupe cible « {focalLabel} » est absent des données : aucune comparaison n'est possible.");
        if (groups.Count < 2)
            throw new StatisticsException($"Aucun groupe de comparaison à opposer au groupe « {focalLabel} ».");
        var results = ImmutableArray.CreateBuilder<FocalComparison<T>>(groups.Count - 1);
        foreach (var comparison in groups)
        {
            if (ReferenceEquals(comparison, focal)) continue;
            try
            {
                results.Add(new FocalComparison<T>(focalLabel, comparison.Label, contrast(focal, comparison), null));
            }
            catch (StatisticsException e)
            {
                results.Add(new FocalComparison<T>(focalLabel, comparison.Label, null, e.Message));
            }
        }
        return results.MoveToImmutable();
    }
}
