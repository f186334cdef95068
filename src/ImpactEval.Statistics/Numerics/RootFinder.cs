namespace ImpactEval.Statistics.Numerics;

/// <summary>
/// Brent's bracketing root finder (Brent 1973, "zeroin", as R's <c>uniroot</c>), the one root finder
/// of the library: it inverts monotone power functions, distribution functions (t quantiles,
/// noncentral-t pivots) and the conditional equations of Fisher's exact test. Self-contained so that
/// the convergence rule is ours to state: the bracket is shrunk until it is narrower than
/// <c>4 ε |x| + tolerance</c>.
/// </summary>
internal static class RootFinder
{
    /// <summary>Finds x in [a, b] with f(x) = 0, given f(a) and f(b) of opposite signs (or zero).</summary>
    public static double Brent(Func<double, double> f, double a, double b, double tolerance = 1e-13, int maxIterations = 500)
    {
        var fa = f(a);
        var fb = f(b);
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (Math.Sign(fa) == Math.Sign(fb))
        {
            throw new InvalidOperationException("The root is not bracketed.");
        }
        var c = a;
        var fc = fa;
        var d = b - a;
        var e = d;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                c = a; fc = fa; d = b - a; e = d;
            }
            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            var tol = 2 * double.Epsilon + 2 * 2.220446049250313e-16 * Math.Abs(b) + 0.5 * tolerance;
            var m = 0.5 * (c - b);
            if (Math.Abs(m) <= tol || fb == 0) return b;
            if (Math.Abs(e) >= tol && Math.Abs(fa) > Math.Abs(fb))
            {
                // Inverse quadratic interpolation, or secant when only two points differ.
                double p, q;
                var s = fb / fa;
                if (a == c)
                {
                    p = 2 * m * s;
                    q = 1 - s;
                }
                else
                {
                    var qq = fa / fc;
                    var r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.Min(3 * m * q - Math.Abs(tol * q), Math.Abs(e * q)))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = m; e = m;
                }
            }
            else
            {
                d = m; e = m;
            }
            a = b;
            fa = fb;
            b += Math.Abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = f(b);
        }
        throw new InvalidOperationException("Brent's method did not converge.");
    }

    /// <summary>
    /// Finds the smallest x ≥ lower at which the increasing function g reaches <paramref name="target"/>,
    /// doubling an upper bound from <paramref name="start"/> up to <paramref name="limit"/>.
    /// Returns NaN when g stays below the target up to the limit.
    /// </summary>
    public static double IncreasingCrossing(Func<double, double> g, double target, double lower, double start, double limit)
    {
        var upper = Math.Max(start, lower * 2 + 1);
        while (g(upper) < target)
        {
            if (upper >= limit) return double.NaN;
            lower = upper;
            upper = Math.Min(limit, upper * 2);
        }
        if (g(lower) >= target) return lower;
        return Brent(x => g(x) - target, lower, upper);
    }
}
