namespace ImpactEval.Statistics;

/// <summary>
/// How a minimum detectable effect or a required sample size was obtained from the target power.
/// </summary>
public enum PowerConvention
{
    /// <summary>
    /// Exact inversion of the power of the two-sided test (noncentral t, F or normal): at the returned
    /// effect or size the power equals the target. This is what <c>pwr</c> solves (<c>uniroot</c>)
    /// and what <c>PowerUpR</c>'s <c>power.*</c> functions evaluate.
    /// </summary>
    ExactPower,

    /// <summary>
    /// Bloom's (1995) multiplier: MDES = (t(1 − α/2; df) + t(power; df)) × standardised standard error,
    /// the convention of PowerUp! (Dong &amp; Maynard 2013) and <c>PowerUpR</c>'s <c>mdes.*</c> and
    /// <c>mrss.*</c> functions. Slightly different from the exact power on few degrees of freedom.
    /// </summary>
    BloomMultiplier,
}
