namespace ImpactEval.Statistics.Contrasts;

/// <summary>Counts of scale levels in a group, with a check that every value belongs to the scale.</summary>
internal static class LevelCounts
{
    /// <summary>Counts per level (in scale order) of the group's non-missing values.</summary>
    /// <exception cref="ArgumentException">Codes repeat, or a value is not one of the codes.</exception>
    public static int[] Count(GroupSample group, IReadOnlyList<LevelLabel> levels)
    {
        var index = new Dictionary<double, int>(levels.Count);
        for (var i = 0; i < levels.Count; i++)
            if (!index.TryAdd(levels[i].Code, i))
                throw new ArgumentException($"Scale code {levels[i].Code} appears twice.", nameof(levels));
        var counts = new int[levels.Count];
        foreach (var v in group.Values.Span)
        {
            if (double.IsNaN(v)) continue;
            if (!index.TryGetValue(v, out var i))
                throw new ArgumentException($"Group '{group.Label}' contains the value {v}, which is not a code of the scale.", nameof(group));
            counts[i]++;
        }
        return counts;
    }
}
