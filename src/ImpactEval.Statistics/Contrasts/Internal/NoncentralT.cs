using ImpactEval.Statistics.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics.Contrasts;

/// <summary>
/// The noncentral t distribution function, by the Poisson-weighted series of incomplete beta
/// functions (Lenth 1989, Applied Statistics algorithm AS 243, written from the paper's formula),
/// and the noncentrality parameter that puts an observed t at a given quantile (the "pivot" used
/// for confidence intervals of standardised differences).
/// </summary>
internal static class NoncentralT
{
    /// <summary>P(T ≤ t) for T noncentral t with <paramref name="df"/> degrees of freedom and noncentrality <paramref name="delta"/>.</summary>
    public static double Cdf(double t, double df, double delta)
    {
        if (t >= 0) return UpperHalf(t, df, delta);
        // F(t; ν, δ) = 1 − F(−t; ν, −δ)
        return 1.0 - UpperHalf(-t, df, -delta);
    }

    // F(t; ν, δ) for t ≥ 0: Φ(−δ) + ½ Σ_j [P_j I_x(j+½, ν/2) + Q_j I_x(j+1, ν/2)], x = t²/(t²+ν),
    // P_j = e^{−λ} λ^j / j!, Q_j = e^{−λ} λ^j δ / (√2 Γ(j+3/2)), λ = δ²/2.
    private static double UpperHalf(double t, double df, double delta)
    {
        var baseline = Normal.CDF(0.0, 1.0, -delta);
        if (t == 0) return baseline;
        var x = t * t / (t * t + df);
        var lambda = delta * delta / 2.0;
        var halfDf = df / 2.0;
        if (lambda == 0) return baseline + 0.5 * SpecialFunctions.BetaRegularized(0.5, halfDf, x);

        var logLambda = Math.Log(lambda);
        var logAbsDelta = Math.Log(Math.Abs(delta));
        var sign = Math.Sign(delta);
        var sum = 0.0;
        for (var j = 0; j < 10_000; j++)
        {
            var logCommon = -lambda + j * logLambda;
            var p = Math.Exp(logCommon - SpecialFunctions.GammaLn(j + 1.0));
            var q = sign * Math.Exp(logCommon + logAbsDelta - 0.5 * Math.Log(2.0) - SpecialFunctions.GammaLn(j + 1.5));
            var term = p * SpecialFunctions.BetaRegularized(j + 0.5, halfDf, x)
                     + q * SpecialFunctions.BetaRegularized(j + 1.0, halfDf, x);
            sum += term;
            if (j > lambda + 1 && p < 1e-18 && Math.Abs(q) < 1e-18) break;
        }
        return baseline + 0.5 * sum;
    }

    /// <summary>
    /// The noncentrality δ such that P(T ≤ <paramref name="t"/>; df, δ) = <paramref name="probability"/>
    /// (the CDF decreases in δ, so the root is unique).
    /// </summary>
    public static double NoncentralityAt(double t, double df, double probability)
    {
        double F(double delta) => Cdf(t, df, delta) - probability;
        double lower = t - 10, upper = t + 10;
        while (F(lower) < 0) lower -= 10;
        while (F(upper) > 0) upper += 10;
        return RootFinder.Brent(F, lower, upper, 1e-13);
    }
}
