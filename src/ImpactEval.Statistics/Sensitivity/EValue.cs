namespace ImpactEval.Statistics;

/// <summary>
/// The E-value of an estimate (VanderWeele &amp; Ding 2017): the smallest strength of association, on the risk-ratio scale,
/// that an unmeasured confounder would need with both the group and the outcome, beyond the measured characteristics, to
/// explain the estimate away; and the same for the limit of its confidence interval closest to no effect.
/// </summary>
/// <param name="Point">E-value of the point estimate (≥ 1; 1 when the estimate is no effect).</param>
/// <param name="Limit">E-value of the confidence limit closest to no effect; 1 when the interval already contains no effect.</param>
/// <param name="RiskRatio">The (approximate) risk ratio the E-value was computed from.</param>
/// <param name="Approximation">How the estimate was turned into a risk ratio (English, as the method texts): "risk ratio",
/// "odds ratio, rare outcome", "odds ratio, common outcome (square root)", "standardised difference, RR = exp(0.91 d)".</param>
public sealed record EValue(double Point, double Limit, double RiskRatio, string Approximation);

/// <summary>
/// E-values of VanderWeele and Ding (2017), "Sensitivity analysis in observational research: introducing the E-value",
/// Annals of Internal Medicine 167(4): E = RR + √(RR(RR − 1)) for RR ≥ 1, applied to 1/RR when RR &lt; 1; the confidence
/// limit closest to 1 is treated alike, and gives 1 when the interval contains 1. Other scales go through the paper's
/// approximations (its Table; R package EValue): an odds ratio is a risk ratio for a rare outcome and its square root for a
/// common one (above 15 %); a standardised mean difference d gives RR ≈ exp(0.91 d) with limits exp(0.91 d ± 0.91 q SE_d)
/// (q = 1.96 for 95 %, the paper's 1.78 = 0.91 × 1.96).
/// </summary>
public static class EValues
{
    /// <summary>Prevalence above which an outcome is "common" for the odds-ratio approximation.</summary>
    public const double CommonOutcome = 0.15;

    /// <summary>The E-value of a risk ratio and its confidence interval.</summary>
    /// <param name="riskRatio">The risk ratio (&gt; 0).</param>
    /// <param name="lower">Lower confidence limit (&gt; 0).</param>
    /// <param name="upper">Upper confidence limit (&gt; 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive and finite, or the limits do not bracket the estimate.</exception>
    public static EValue ForRiskRatio(double riskRatio, double lower, double upper) =>
        Compute(riskRatio, lower, upper, "risk ratio");

    /// <summary>The E-value of an odds ratio, through RR ≈ OR (rare outcome) or RR ≈ √OR (common outcome).</summary>
    /// <param name="oddsRatio">The odds ratio (&gt; 0).</param>
    /// <param name="lower">Lower confidence limit.</param>
    /// <param name="upper">Upper confidence limit.</param>
    /// <param name="prevalence">Proportion of the outcome in the compared groups (for an ordinal outcome, treat it as common: pass 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="ForRiskRatio"/>, or a prevalence outside [0, 1].</exception>
    public static EValue ForOddsRatio(double oddsRatio, double lower, double upper, double prevalence)
    {
        if (!(prevalence is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(prevalence), prevalence, "A prevalence lies in [0, 1].");
        return prevalence > CommonOutcome
            ? Compute(Math.Sqrt(oddsRatio), Math.Sqrt(lower), Math.Sqrt(upper), "odds ratio, common outcome (square root)")
            : Compute(oddsRatio, lower, upper, "odds ratio, rare outcome");
    }

    /// <summary>The E-value of a standardised mean difference through RR ≈ exp(0.91 d).</summary>
    /// <param name="difference">Standardised difference d (difference divided by the outcome's standard deviation).</param>
    /// <param name="standardError">Standard error of d (&gt; 0).</param>
    /// <param name="level">Confidence level in (0, 1) of the limits.</param>
    /// <exception cref="ArgumentOutOfRangeException">d is not finite, the SE is not positive and finite, or the level is outside (0, 1).</exception>
    public static EValue ForStandardisedDifference(double difference, double standardError, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        if (!double.IsFinite(difference)) throw new ArgumentOutOfRangeException(nameof(difference), difference, "d must be finite.");
        if (!(standardError > 0) || !double.IsFinite(standardError)) throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "The SE must be positive and finite.");
        var q = Numerics.NormalDistribution.Quantile(1 - (1 - level) / 2);
        return Compute(Math.Exp(0.91 * difference), Math.Exp(0.91 * (difference - q * standardError)), Math.Exp(0.91 * (difference + q * standardError)),
            "standardised difference, RR = exp(0.91 d)");
    }

    /// <summary>E = RR + √(RR(RR − 1)) for RR ≥ 1, computed on 1/RR below 1.</summary>
    /// <param name="riskRatio">A positive finite risk ratio.</param>
    public static double Of(double riskRatio)
    {
        if (!(riskRatio > 0) || !double.IsFinite(riskRatio)) throw new ArgumentOutOfRangeException(nameof(riskRatio), riskRatio, "A risk ratio is positive and finite.");
        var rr = riskRatio < 1 ? 1 / riskRatio : riskRatio;
        return rr + Math.Sqrt(rr * (rr - 1));
    }

    private static EValue Compute(double rr, double lower, double upper, string approximation)
    {
        foreach (var (name, value) in new[] { (nameof(rr), rr), (nameof(lower), lower), (nameof(upper), upper) })
            if (!(value > 0) || !double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, "Ratios and limits must be positive and finite.");
        if (lower > rr || upper < rr) throw new ArgumentOutOfRangeException(nameof(lower), lower, "The limits must bracket the estimate.");
        // The limit closest to no effect; an interval containing 1 needs no confounding at all.
        var limit = rr >= 1 ? lower : upper;
        var containsOne = lower <= 1 && upper >= 1;
        return new EValue(Of(rr), containsOne ? 1 : Of(limit), rr, approximation);
    }
}
