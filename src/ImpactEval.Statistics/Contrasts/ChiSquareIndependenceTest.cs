using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Pearson's chi-square test of independence between group and category, with the observed and
/// expected counts a report shows next to it.
/// </summary>
/// <param name="Test">X² statistic, (r − 1)(c − 1) degrees of freedom, p-value and warnings.</param>
/// <param name="RowLabels">Row labels (groups).</param>
/// <param name="ColumnLabels">Column labels (categories actually used; categories observed nowhere are dropped with a warning).</param>
/// <param name="Observed">Observed counts, one array per row.</param>
/// <param name="Expected">Expected counts under independence (row total × column total / N), one array per row.</param>
/// <param name="MinimumExpected">Smallest expected count (below 5 the chi-square approximation is doubtful).</param>
public sealed record ChiSquareIndependenceTest(
    MultiGroupTest Test,
    ImmutableArray<string> RowLabels,
    ImmutableArray<string> ColumnLabels,
    ImmutableArray<ImmutableArray<int>> Observed,
    ImmutableArray<ImmutableArray<double>> Expected,
    double MinimumExpected);
