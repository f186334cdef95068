namespace ImpactEval.Statistics.Contrasts;

/// <summary>
/// Exact null distribution of the Mann–Whitney statistic U (number of pairs where the first sample
/// is larger), without ties, as R's dwilcox / pwilcox: counts c(k; m, n) from the recurrence
/// c(k; m, n) = c(k − n; m − 1, n) + c(k; m, n − 1) (the largest value belongs to either sample).
/// Only sums of non-negative numbers, so both tails are accurate.
/// </summary>
internal sealed class MannWhitneyDistribution
{
    private readonly double[] _counts;
    private readonly double _total;

    /// <summary>Builds the distribution for sample sizes <paramref name="m"/> (first) and <paramref name="n"/> (second).</summary>
    public MannWhitneyDistribution(int m, int n)
    {
        // previous[i] holds c(·; i, j − 1), current[i] holds c(·; i, j).
        var previous = new double[m + 1][];
        for (var i = 0; i <= m; i++) previous[i] = [1.0];
        for (var j = 1; j <= n; j++)
        {
            var current = new double[m + 1][];
            current[0] = [1.0];
            for (var i = 1; i <= m; i++)
            {
                var row = new double[i * j + 1];
                var fromX = current[i - 1];   // c(·; i − 1, j), shifted by j
                var fromY = previous[i];      // c(·; i, j − 1)
                for (var k = 0; k < fromY.Length; k++) row[k] += fromY[k];
                for (var k = 0; k < fromX.Length; k++) row[k + j] += fromX[k];
                current[i] = row;
            }
            previous = current;
        }
        _counts = previous[m];
        var total = 0.0;
        foreach (var c in _counts) total += c;
        _total = total;
    }

    /// <summary>P(U ≤ q).</summary>
    public double LowerTail(int q)
    {
        var sum = 0.0;
        for (var k = 0; k <= Math.Min(q, _counts.Length - 1); k++) sum += _counts[k];
        return sum / _total;
    }

    /// <summary>P(U ≥ q).</summary>
    public double UpperTail(int q)
    {
        var sum = 0.0;
        for (var k = Math.Max(q, 0); k < _counts.Length; k++) sum += _counts[k];
        return sum / _total;
    }
}
