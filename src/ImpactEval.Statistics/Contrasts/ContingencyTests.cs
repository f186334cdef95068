using System.Collections.Immutable;
using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Tests on contingency tables (groups × categories).</summary>
public static class ContingencyTests
{
    /// <summary>
    /// Pearson's chi-square test of independence between group and category, from raw category
    /// codes per group.
    /// </summary>
    /// <param name="groups">At least two groups of category codes (NaN = missing, dropped); labels distinct.</param>
    /// <param name="levels">The categories, in display order; every observed code must be one of them.</param>
    /// <returns>The test with observed and expected counts; see <see cref="ChiSquareIndependence(int[,], IReadOnlyList{string}, IReadOnlyList{string})"/>.</returns>
    /// <exception cref="StatisticsException">Fewer than two groups, an empty group, or fewer than two categories observed.</exception>
    /// <exception cref="ArgumentException">A value is not one of the codes, or labels repeat.</exception>
    public static ChiSquareIndependenceTest ChiSquareIndependence(IReadOnlyList<GroupSample> groups, IReadOnlyList<LevelLabel> levels)
    {
        var counts = new int[groups.Count, levels.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            var row = LevelCounts.Count(groups[i], levels);
            for (var j = 0; j < levels.Count; j++) counts[i, j] = row[j];
        }
        return ChiSquareIndependence(counts, groups.Select(g => g.Label).ToList(), levels.Select(l => l.Label).ToList());
    }

    /// <summary>Pearson's chi-square test of independence for an r × c table of counts, without continuity correction.</summary>
    /// <param name="counts">Counts, rows = groups, columns = categories; non-negative.</param>
    /// <param name="rowLabels">One distinct label per row.</param>
    /// <param name="columnLabels">One distinct label per column.</param>
    /// <returns>
    /// X² = Σ(O − E)²/E on (r − 1)(c − 1) degrees of freedom, with observed and expected counts. A
    /// column with no count at all is dropped (French warning); when an expected count is below 5 a
    /// French warning recommends an exact test (R warns "Chi-squared approximation may be incorrect").
    /// </returns>
    /// <exception cref="StatisticsException">Fewer than two rows, a row with no count (empty group), or fewer than two non-empty columns.</exception>
    /// <exception cref="ArgumentException">Dimensions and labels disagree, labels repeat, or a count is negative.</exception>
    /// <remarks>Follows R's <c>chisq.test(table, correct = FALSE)</c> (statistic, parameter, p.value, expected).</remarks>
    public static ChiSquareIndependenceTest ChiSquareIndependence(int[,] counts, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        if (rowLabels.Count != rows || columnLabels.Count != columns)
            throw new ArgumentException("There must be one label per row and per column.", nameof(counts));
        if (rowLabels.Distinct(StringComparer.Ordinal).Count() != rows || columnLabels.Distinct(StringComparer.Ordinal).Count() != columns)
            throw new ArgumentException("Row labels and column labels must be distinct.", nameof(counts));
        if (rows < 2)
            throw new StatisticsException("Il faut au moins deux groupes : le test du khi-deux d'indépendance est impossible.");
        var rowTotals = new double[rows];
        var columnTotals = new double[columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
            {
                if (counts[i, j] < 0) throw new ArgumentException("Counts cannot be negative.", nameof(counts));
                rowTotals[i] += counts[i, j];
                columnTotals[j] += counts[i, j];
            }
        for (var i = 0; i < rows; i++)
            if (rowTotals[i] == 0)
                throw new StatisticsException($"Le groupe « {rowLabels[i]} » ne compte aucune observation : le test du khi-deux d'indépendance est impossible.");

        var warnings = ImmutableArray.CreateBuilder<string>();
        var kept = new List<int>();
        for (var j = 0; j < columns; j++)
        {
            if (columnTotals[j] > 0) kept.Add(j);
            else warnings.Add($"La modalité « {columnLabels[j]} » n'est observée dans aucun groupe : elle est écartée du test du khi-deux.");
        }
        if (kept.Count < 2)
            throw new StatisticsException("Une seule modalité est observée dans l'ensemble des groupes : le test du khi-deux d'indépendance est impossible.");

        var total = rowTotals.Sum();
        var observed = ImmutableArray.CreateBuilder<ImmutableArray<int>>(rows);
        var expected = ImmutableArray.CreateBuilder<ImmutableArray<double>>(rows);
        double x2 = 0, minimum = double.PositiveInfinity;
        for (var i = 0; i < rows; i++)
        {
            var o = ImmutableArray.CreateBuilder<int>(kept.Count);
            var e = ImmutableArray.CreateBuilder<double>(kept.Count);
            foreach (var j in kept)
            {
                var expectedCount = rowTotals[i] * columnTotals[j] / total;
                x2 += Math.Pow(counts[i, j] - expectedCount, 2) / expectedCount;
                minimum = Math.Min(minimum, expectedCount);
                o.Add(counts[i, j]);
                e.Add(expectedCount);
            }
            observed.Add(o.MoveToImmutable());
            expected.Add(e.MoveToImmutable());
        }
        if (minimum < 5)
            warnings.Add($"Au moins un effectif théorique est inférieur à 5 (le plus petit vaut {Checks.Fr(minimum)}) : l'approximation du khi-deux peut être inexacte ; préférer un test exact (Fisher) ou regrouper des modalités.");
        double df = (rows - 1) * (kept.Count - 1);
        var test = new MultiGroupTest("Pearson's chi-square test of independence, no continuity correction (chisq.test, correct = FALSE)",
            rowLabels.ToImmutableArray(), x2, df, double.PositiveInfinity, ChiSquareDistribution.UpperTail(x2, df), (int)total,
            warnings.ToImmutable());
        return new ChiSquareIndependenceTest(test, rowLabels.ToImmutableArray(),
            kept.Select(j => columnLabels[j]).ToImmutableArray(), observed.MoveToImmutable(), expected.MoveToImmutable(), minimum);
    }
}
