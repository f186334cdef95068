namespace ImpactEval.Statistics;

/// <summary>Odds ratios of the likelihood models: the exponentiated rows of their log-odds coefficients.</summary>
public static class OddsRatio
{
    /// <summary>
    /// exp of a log-odds row: value exp(b), delta-method SE exp(b)·SE(b), z and p of the log scale,
    /// interval exp of the Wald interval (R's <c>exp(coef)</c>, <c>exp(confint.default)</c>).
    /// </summary>
    /// <remarks>
    /// The contrasts of a 2×2 table (<see cref="BinaryContrasts.WoolfOddsRatio"/>) keep the SE on the
    /// log scale instead, as epiR reports it.
    /// </remarks>
    public static Estimate FromLogOdds(Estimate logScale, string method)
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
}
