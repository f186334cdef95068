namespace ImpactEval.Statistics.Regression;

/// <summary>
/// One fixed effect absorbed by the within transformation: the group of each used row and the group
/// sizes, with an in-place demeaning. Sweeping one factor out is exact in a single pass (the group
/// mean projection is idempotent), so no iteration is needed.
/// </summary>
internal sealed class AbsorbedEffect
{
    private AbsorbedEffect(int[] group, int[] sizes)
    {
        Group = group;
        Sizes = sizes;
    }

    /// <summary>Group index (0..G−1, in order of first appearance) of each used row.</summary>
    public int[] Group { get; }

    /// <summary>Number of used rows in each group.</summary>
    public int[] Sizes { get; }

    /// <summary>Number of groups G (the rank of the absorbed dummies).</summary>
    public int Count => Sizes.Length;

    public static AbsorbedEffect Create(ReadOnlySpan<int> codes)
    {
        var map = new Dictionary<int, int>();
        var group = new int[codes.Length];
        var sizes = new List<int>();
        for (int i = 0; i < codes.Length; i++)
        {
            if (!map.TryGetValue(codes[i], out int g))
            {
                g = map.Count;
                map.Add(codes[i], g);
                sizes.Add(0);
            }
            group[i] = g;
            sizes[g]++;
        }
        return new AbsorbedEffect(group, [.. sizes]);
    }

    /// <summary>
    /// Subtracts from each value the mean of its group. A second sweep removes the rounding left by
    /// the first, so a column constant within groups becomes zero to the last bit or nearly.
    /// </summary>
    public void Demean(Span<double> values)
    {
        var sums = new double[Sizes.Length];
        for (int pass = 0; pass < 2; pass++)
        {
            Array.Clear(sums);
            for (int i = 0; i < values.Length; i++) sums[Group[i]] += values[i];
            for (int g = 0; g < sums.Length; g++) sums[g] /= Sizes[g];
            for (int i = 0; i < values.Length; i++) values[i] -= sums[Group[i]];
        }
    }
}
