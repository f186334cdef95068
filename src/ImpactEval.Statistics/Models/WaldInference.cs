using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Builds <see cref="Estimate"/> rows for maximum-likelihood coefficients with a normal reference (Wald z).</summary>
internal static class WaldInference
{
    public static double CriticalValue(double level)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "Confidence level must lie in (0, 1).");
        return NormalDistribution.CriticalValue(level);
    }

    public static Estimate Wald(string term, double value, double se, double level, string method, int n, ImmutableArray<string> warnings)
    {
        var q = CriticalValue(level);
        var z = value / se;
        return new Estimate(term, value, se, z, double.PositiveInfinity, NormalDistribution.TwoSidedPValue(z),
            new ConfidenceInterval(value - q * se, value + q * se, level), method, n, warnings);
    }

    /// <summary>exp of a log-scale estimate: value exp(b), delta-method SE exp(b)·SE(b), z and p of the log scale, CI exp of the Wald CI.</summary>
    public static Estimate Exponentiated(Estimate logScale, string method)
    {
        if (!logScale.IsEstimable) return logScale with { Method = method };
        var v = Math.Exp(logScale.Value);
        return logScale with
        {
            Value = v,
            StandardError = v * logScale.StandardError,
            Interval = new ConfidenceInterval(Math.Exp(logScale.Interval.Lower), Math.Exp(logScale.Interval.Upper), logScale.Interval.Level),
            Method = method,
        };
    }

    public static Estimate NotEstimable(string term, double level, string method, int n, string warning) =>
        new(term, double.NaN, double.NaN, double.NaN, double.PositiveInfinity, double.NaN,
            new ConfidenceInterval(double.NaN, double.NaN, level), method, n, ImmutableArray.Create(warning));

    public static string AliasedWarning(string term) =>
        $"Le terme « {term} » est colinéaire avec les autres variables du modèle : il n'est pas estimable (NA, comme dans R).";
}
