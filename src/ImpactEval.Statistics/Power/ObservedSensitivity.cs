using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// The minimum detectable effect of an estimate already computed: Bloom's (1995) multiplier applied to the estimate's
/// own standard error and degrees of freedom, MDE = (t(1 − α/2; df) + t(power; df)) × SE. It is the effect the
/// analysis, as run (its clusters, covariates, variance estimator and df), had the stated power to detect, and so it
/// agrees with the printed interval: the interval's half-width is t(1 − α/2; df) × SE.
/// </summary>
/// <remarks>
/// This is the "observed" MDE; the planning MDE (<see cref="TwoGroupPower"/>, <see cref="BlockedIndividualPower"/>)
/// comes from the protocol's stated assumptions (ICC, R², planned sizes) before any data. Dividing by the outcome's
/// standard deviation gives the MDE in standard deviations (PowerUp!'s MDES).
/// </remarks>
public static class ObservedSensitivity
{
    /// <summary>The multiplier (t(1 − α/2; df) + t(power; df)): 2,80 on infinite df at 5 % and 80 %.</summary>
    /// <param name="degreesOfFreedom">Degrees of freedom of the estimate's t reference (&gt; 0), +∞ for a normal reference.</param>
    /// <param name="alpha">Two-sided risk in (0, 1).</param>
    /// <param name="power">Target power in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range.</exception>
    public static double Multiplier(double degreesOfFreedom, double alpha = 0.05, double power = 0.80)
    {
        PowerCore.CheckAlpha(alpha);
        if (!(power > 0 && power < 1)) throw new StatisticsException("La puissance visée doit être strictement comprise entre 0 et 1.");
        if (!(degreesOfFreedom > 0)) throw new StatisticsException("Les degrés de liberté doivent être strictement positifs.");
        return TDistribution.Quantile(1 - alpha / 2, degreesOfFreedom) + TDistribution.Quantile(power, degreesOfFreedom);
    }

    /// <summary>The minimum detectable effect, in the unit of <paramref name="standardError"/>: multiplier × SE.</summary>
    /// <param name="standardError">Standard error of the estimate (&gt; 0), in the unit of the effect.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom of the estimate's t reference (&gt; 0), +∞ for a normal reference.</param>
    /// <param name="alpha">Two-sided risk in (0, 1).</param>
    /// <param name="power">Target power in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range.</exception>
    public static double MinimumDetectableEffect(double standardError, double degreesOfFreedom, double alpha = 0.05, double power = 0.80)
    {
        if (!(standardError > 0) || double.IsInfinity(standardError)) throw new StatisticsException("L’erreur type doit être un nombre strictement positif.");
        return Multiplier(degreesOfFreedom, alpha, power) * standardError;
    }

    /// <summary>The two-sided critical value t(1 − α/2; df) of an interval at <paramref name="level"/>, as R's <c>qt</c>.</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="degreesOfFreedom">Degrees of freedom (&gt; 0), +∞ for the normal.</param>
    public static double CriticalValue(double level, double degreesOfFreedom) => TDistribution.CriticalValue(level, degreesOfFreedom);
}
