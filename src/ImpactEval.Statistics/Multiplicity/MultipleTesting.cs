using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Adjusted p-values for a family of tests (e.g. one indicator compared across several groups, or
/// several indicators), one method per procedure, following R's <c>p.adjust</c>.
/// </summary>
/// <remarks>
/// The output keeps the input order. Missing p-values (NaN) stay missing and do not count in the
/// family size m, as in <c>p.adjust</c> (its n is the number of non-missing p-values). Holm and
/// Bonferroni control the family-wise error rate under any dependence; Hochberg does so for
/// independent or positively dependent tests; Benjamini–Hochberg controls the false discovery rate.
/// </remarks>
public static class MultipleTesting
{
    /// <summary>Bonferroni adjustment: min(1, m·p).</summary>
    /// <param name="pValues">Raw p-values in [0, 1]; NaN = missing.</param>
    /// <returns>Adjusted p-values, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A p-value lies outside [0, 1].</exception>
    public static ImmutableArray<AdjustedPValue> Bonferroni(ReadOnlySpan<double> pValues)
    {
        var (p, index) = Present(pValues);
        var m = p.Length;
        var adjusted = new double[m];
        for (var i = 0; i < m; i++) adjusted[i] = Math.Min(1.0, m * p[i]);
        return Assemble(pValues, index, adjusted, MultiplicityCorrection.Bonferroni);
    }

    /// <summary>Holm's step-down adjustment: sorted ascending, p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎).</summary>
    /// <param name="pValues">Raw p-values in [0, 1]; NaN = missing.</param>
    /// <returns>Adjusted p-values, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A p-value lies outside [0, 1].</exception>
    /// <remarks>Holm (1979); R's <c>p.adjust(p, "holm")</c>.</remarks>
    public static ImmutableArray<AdjustedPValue> Holm(ReadOnlySpan<double> pValues)
    {
        var (p, index) = Present(pValues);
        var m = p.Length;
        var order = Order(p, descending: false);
        var adjusted = new double[m];
        var running = 0.0;
        for (var r = 0; r < m; r++)
        {
            running = Math.Max(running, (m - r) * p[order[r]]);
            adjusted[order[r]] = Math.Min(1.0, running);
        }
        return Assemble(pValues, index, adjusted, MultiplicityCorrection.Holm);
    }

    /// <summary>Hochberg's step-up adjustment: sorted descending, p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, (m − j + 1)·p₍ⱼ₎).</summary>
    /// <param name="pValues">Raw p-values in [0, 1]; NaN = missing.</param>
    /// <returns>Adjusted p-values, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A p-value lies outside [0, 1].</exception>
    /// <remarks>Hochberg (1988); R's <c>p.adjust(p, "hochberg")</c>.</remarks>
    public static ImmutableArray<AdjustedPValue> Hochberg(ReadOnlySpan<double> pValues) =>
        StepUp(pValues, MultiplicityCorrection.Hochberg, (m, rank) => m - rank + 1);

    /// <summary>Benjamini–Hochberg step-up adjustment: sorted descending, p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m/j·p₍ⱼ₎).</summary>
    /// <param name="pValues">Raw p-values in [0, 1]; NaN = missing.</param>
    /// <returns>Adjusted p-values (false-discovery-rate q-values), in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A p-value lies outside [0, 1].</exception>
    /// <remarks>Benjamini and Hochberg (1995); R's <c>p.adjust(p, "BH")</c>.</remarks>
    public static ImmutableArray<AdjustedPValue> BenjaminiHochberg(ReadOnlySpan<double> pValues) =>
        StepUp(pValues, MultiplicityCorrection.BenjaminiHochberg, (m, rank) => (double)m / rank);

    // Step-up: walk from the largest p-value (ascending rank m) down, keeping the running minimum.
    private static ImmutableArray<AdjustedPValue> StepUp(ReadOnlySpan<double> pValues, MultiplicityCorrection correction,
        Func<int, int, double> multiplier)
    {
        var (p, index) = Present(pValues);
        var m = p.Length;
        var order = Order(p, descending: true);
        var adjusted = new double[m];
        var running = double.PositiveInfinity;
        for (var r = 0; r < m; r++)
        {
            var rank = m - r; // ascending rank of order[r]
            running = Math.Min(running, multiplier(m, rank) * p[order[r]]);
            adjusted[order[r]] = Math.Min(1.0, running);
        }
        return Assemble(pValues, index, adjusted, correction);
    }

    private static (double[] Values, int[] Index) Present(ReadOnlySpan<double> pValues)
    {
        var count = 0;
        foreach (var p in pValues)
        {
            if (double.IsNaN(p)) continue;
            if (p < 0 || p > 1)
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "A p-value must lie in [0, 1].");
            count++;
        }
        var values = new double[count];
        var index = new int[count];
        var k = 0;
        for (var i = 0; i < pValues.Length; i++)
        {
            if (double.IsNaN(pValues[i])) continue;
            values[k] = pValues[i];
            index[k++] = i;
        }
        return (values, index);
    }

    // Stable order of positions by p-value (ties keep input order, as R's order()).
    private static int[] Order(double[] p, bool descending)
    {
        var order = new int[p.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = descending ? p[b].CompareTo(p[a]) : p[a].CompareTo(p[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }

    private static ImmutableArray<AdjustedPValue> Assemble(ReadOnlySpan<double> pValues, int[] index, double[] adjusted,
        MultiplicityCorrection correction)
    {
        var m = adjusted.Length;
        var result = new AdjustedPValue[pValues.Length];
        for (var i = 0; i < pValues.Length; i++)
            result[i] = new AdjustedPValue(double.NaN, double.NaN, correction, m);
        for (var k = 0; k < m; k++)
            result[index[k]] = new AdjustedPValue(adjusted[k], pValues[index[k]], correction, m);
        return ImmutableArray.Create(result);
    }
}
