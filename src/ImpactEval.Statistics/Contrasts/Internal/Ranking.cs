namespace ImpactEval.Statistics.Contrasts;

/// <summary>Mid-ranks (R's rank(ties.method = "average")) and tie-group sizes.</summary>
internal static class Ranking
{
    /// <summary>Mid-ranks (1-based) of <paramref name="values"/>; tied values share the mean of their ranks.</summary>
    /// <param name="values">Finite values.</param>
    /// <param name="tieSizes">Sizes of the groups of equal values (one entry per distinct value).</param>
    public static double[] MidRanks(ReadOnlySpan<double> values, out List<int> tieSizes)
    {
        var n = values.Length;
        var order = new int[n];
        var keys = values.ToArray();
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        var ranks = new double[n];
        tieSizes = new List<int>();
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            var midRank = (start + 1 + end) / 2.0; // mean of ranks start+1 … end
            for (var k = start; k < end; k++) ranks[order[k]] = midRank;
            tieSizes.Add(end - start);
            start = end;
        }
        return ranks;
    }

    /// <summary>Σ (t³ − t) over tie groups, the tie correction term of rank tests.</summary>
    public static double TieCubes(List<int> tieSizes)
    {
        var sum = 0.0;
        foreach (var t in tieSizes) sum += (double)t * t * t - t;
        return sum;
    }
}
