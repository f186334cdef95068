namespace ImpactEval.Statistics;

/// <summary>A two-sided confidence interval for an estimate.</summary>
/// <param name="Lower">Lower bound, in the unit of the estimate.</param>
/// <param name="Upper">Upper bound, in the unit of the estimate.</param>
/// <param name="Level">Confidence level in (0, 1), e.g. 0.95.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>Whether <paramref name="value"/> lies inside the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Width of the interval (upper minus lower).</summary>
    public double Width => Upper - Lower;

    /// <summary>Throws when a confidence level is not strictly between 0 and 1 (the check of every estimator taking a level).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1) or NaN.</exception>
    internal static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
    }
}
