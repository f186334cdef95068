using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Descriptive statistics of a numeric indicator in one group (the caller crosses groups and waves):
/// counts, mean with its t interval, standard deviation, median, quartiles and range.
/// </summary>
/// <param name="Label">The group's label, as given in <see cref="GroupSample.Label"/>.</param>
/// <param name="N">Number of non-missing values used.</param>
/// <param name="Missing">Number of missing values dropped.</param>
/// <param name="Mean">
/// The mean as an estimate: standard error s/√n, one-sample t statistic against 0 with n − 1
/// degrees of freedom and its p-value, and the t interval (R's <c>t.test(x)</c>). With a single
/// value the standard error, statistic, p-value and interval are NaN and a warning says why; with a
/// constant group the standard error is 0, the interval collapses on the mean and the statistic and
/// p-value are NaN (warning).
/// </param>
/// <param name="StandardDeviation">Sample standard deviation (denominator n − 1); NaN with a warning when n = 1.</param>
/// <param name="Median">Median.</param>
/// <param name="FirstQuartile">First quartile, R's <c>quantile(x, 0.25, type = 7)</c>.</param>
/// <param name="ThirdQuartile">Third quartile, R's <c>quantile(x, 0.75, type = 7)</c>.</param>
/// <param name="Minimum">Smallest value.</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Warnings">French messages for a report (single value, constant values).</param>
public sealed record GroupSummary(
    string Label,
    int N,
    int Missing,
    Estimate Mean,
    double StandardDeviation,
    double Median,
    double FirstQuartile,
    double ThirdQuartile,
    double Minimum,
    double Maximum,
    ImmutableArray<string> Warnings);
