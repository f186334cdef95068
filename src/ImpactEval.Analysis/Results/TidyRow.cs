using System.Text.Json.Serialization;

namespace ImpactEval.Analysis.Results;

/// <summary>
/// One row of the tidy results table, with the columns of <c>broom::tidy</c> / <c>estimatr</c> (snake_case, as R users
/// read them) plus where the row comes from: an analysis's contrast effect, or an ordered logit's threshold.
/// </summary>
/// <param name="Analysis">Analysis code ("A2").</param>
/// <param name="Outcome">Indicator code.</param>
/// <param name="Contrast">"BEN vs EAJE"; empty for a threshold of a joint model (shared by its contrasts).</param>
/// <param name="Term">The estimated quantity ("groupe[BEN] - groupe[EAJE]", "1|2" for a threshold, "difference", "risk_ratio"…).</param>
/// <param name="Estimate">Point estimate (an odds or risk ratio for ratio estimators); NaN when not estimated.</param>
/// <param name="StdError">Standard error (of the ratio by the delta method for odds ratios, of log RR for risk ratios).</param>
/// <param name="Statistic">Test statistic (t, z, W for Wilcoxon).</param>
/// <param name="Df">Degrees of freedom of the reference t; +∞ for a normal reference.</param>
/// <param name="PValue">Two-sided p-value, unadjusted.</param>
/// <param name="PAdjusted">p-value adjusted for multiplicity; null when the analysis does not adjust (or for thresholds).</param>
/// <param name="ConfLow">Lower confidence limit.</param>
/// <param name="ConfHigh">Upper confidence limit.</param>
/// <param name="Method">The method (English, as Statistics names it), or the French reason when nothing could be estimated.</param>
/// <param name="Variance">The variance used ("CR2", "HC2", "classique", "welch", "bootstrap"…); empty when not estimated.</param>
/// <param name="N">Observations used by the fit.</param>
/// <param name="Clusters">Clusters behind a cluster-robust or bootstrap variance; null otherwise.</param>
public sealed record TidyRow(
    [property: JsonPropertyName("analysis")] string Analysis,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("contrast")] string Contrast,
    [property: JsonPropertyName("term")] string Term,
    [property: JsonPropertyName("estimate")] double Estimate,
    [property: JsonPropertyName("std_error")] double StdError,
    [property: JsonPropertyName("statistic")] double Statistic,
    [property: JsonPropertyName("df")] double Df,
    [property: JsonPropertyName("p_value")] double PValue,
    [property: JsonPropertyName("p_adjusted")] double? PAdjusted,
    [property: JsonPropertyName("conf_low")] double ConfLow,
    [property: JsonPropertyName("conf_high")] double ConfHigh,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("variance")] string Variance,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("clusters")] int? Clusters)
{
    /// <summary>The column names, in order (the CSV header).</summary>
    public static readonly string[] Columns =
    [
        "analysis", "outcome", "contrast", "term", "estimate", "std_error", "statistic", "df", "p_value", "p_adjusted",
        "conf_low", "conf_high", "method", "variance", "n", "clusters",
    ];
}
