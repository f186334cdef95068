using System.Collections.Immutable;

namespace ImpactEval.Reporting.Disclosure;

/// <summary>
/// Statistical disclosure control of the counts a report publishes: primary suppression of every count from
/// 1 to threshold − 1 (zero is published: it identifies nobody), then secondary suppression until no hidden
/// count can be computed back exactly from the published counts and the relations between them (row and
/// column totals, enrolled = observed + lost…). Pure and deterministic.
/// </summary>
/// <remarks>
/// <para>
/// A hidden cell is recoverable when its value is fixed by the published cells through the linear relations.
/// Restricting the relations to the hidden cells gives a system A·x = b; cell i is fixed exactly when the unit
/// vector eᵢ lies in the row space of A, which the reduced row-echelon form of A shows directly (a pivot row
/// equal to eᵢ). This covers the classic cases — a lone hidden cell in a row or column with its total, a
/// hidden cell recoverable through a chain of tables — and any combination of linked tables, unlike the
/// usual "two hidden cells per row and column" rule, which only looks at one relation at a time.
/// </para>
/// <para>
/// Complements are chosen greedily, deterministically: inner cells before margins and margins before key figures (a group's enrolment, a denominator), non-zero before zero (a
/// zero complement protects little), cells whose other relations already hold a hidden cell (so the hidden
/// pattern closes into rectangles without cascading), then the smallest value (least information lost).
/// This is the hypercube heuristic of τ-ARGUS in spirit, not an optimal (linear-programming) pattern. Once no
/// hidden count can be recovered exactly, complements are added until every sensitive count (below the threshold,
/// or marked sensitive for dominance) keeps a feasible interval at least the threshold wide given everything
/// published and non-negativity (<see cref="IntervalProtection"/>, computed by linear programming).
/// </para>
/// <para>
/// The French threshold for statistical secrecy on persons is commonly 5 (11 for some health data); the
/// threshold is the smallest count that may be published.
/// </para>
/// </remarks>
public static class DisclosureControl
{
    /// <summary>The default threshold: counts of 1 to 4 are hidden.</summary>
    public const int DefaultThreshold = 5;

    /// <summary>Decides which counts of <paramref name="ledger"/> to hide.</summary>
    /// <param name="ledger">The counts and their relations.</param>
    /// <param name="threshold">Smallest publishable count, ≥ 1 (1 disables suppression).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is below 1.</exception>
    public static SuppressionPlan Protect(CountLedger ledger, int threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var cells = ledger.Cells;
        var hidden = new bool[cells.Count];
        var sensitive = new bool[cells.Count];
        var primary = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if ((cells[i].Value > 0 && cells[i].Value < threshold) || (cells[i].IsSensitive && threshold > 1))
            {
                hidden[i] = true;
                sensitive[i] = true;
                primary++;
            }
        }

        var secondary = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (hidden[i] || !cells[i].IsWithheld || threshold <= 1) continue;
            hidden[i] = true;
            secondary++;
        }

        var relationsOf = new List<int>[cells.Count];
        for (var i = 0; i < cells.Count; i++) relationsOf[i] = [];
        for (var r = 0; r < ledger.Relations.Count; r++)
            foreach (var (cell, _) in ledger.Relations[r].Terms)
                if (!relationsOf[cell].Contains(r)) relationsOf[cell].Add(r);

        var exhausted = new HashSet<int>();
        while (primary > 0)
        {
            // First no hidden count may be computed back exactly; then each sensitive one must keep a feasible interval at
            // least the threshold wide (interval protection).
            var recoverable = Recoverable(ledger.Relations, hidden).Where(c => !exhausted.Contains(c)).ToList();
            var target = recoverable.Count > 0 ? recoverable[0] : FirstUnprotected(ledger, hidden, sensitive, threshold, exhausted);
            if (target < 0) break;
            var complement = ChooseComplement(ledger, relationsOf, hidden, target);
            if (complement < 0)
            {
                exhausted.Add(target); // every related cell is already hidden: nothing more can be done for this one
                continue;
            }
            hidden[complement] = true;
            secondary++;
        }

        var keys = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var primaries = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            if (hidden[i]) keys.Add(cells[i].Key);
            if (sensitive[i]) primaries.Add(cells[i].Key);
        }
        return new SuppressionPlan(threshold, keys.ToImmutable(), primary, secondary) { Primary = primaries.ToImmutable() };
    }

    /// <summary>The first sensitive hidden cell whose feasible interval is narrower than the threshold, or −1.</summary>
    private static int FirstUnprotected(CountLedger ledger, bool[] hidden, bool[] sensitive, int threshold, HashSet<int> exhausted)
    {
        for (var i = 0; i < hidden.Length; i++)
        {
            if (!sensitive[i] || exhausted.Contains(i)) continue;
            var only = new bool[hidden.Length];
            only[i] = true;
            if (!IntervalProtection.Intervals(ledger, hidden, only)[0].Protects(threshold)) return i;
        }
        return -1;
    }

    /// <summary>The hidden cells of <paramref name="plan"/> whose value the published cells of <paramref name="ledger"/> fix exactly.</summary>
    internal static List<int> Recoverable(CountLedger ledger, SuppressionPlan plan) =>
        Recoverable(ledger.Relations, [.. ledger.Cells.Select(c => plan.IsHidden(c.Key))]);

    /// <summary>
    /// The hidden cells whose value the published cells fix exactly through the relations, in ledger order.
    /// Exposed for tests and diagnostics.
    /// </summary>
    internal static List<int> Recoverable(IReadOnlyList<LedgerRelation> relations, bool[] hidden)
    {
        var columns = new Dictionary<int, int>();
        var hiddenCells = new List<int>();
        for (var i = 0; i < hidden.Length; i++)
        {
            if (!hidden[i]) continue;
            columns[i] = hiddenCells.Count;
            hiddenCells.Add(i);
        }
        var rows = new List<double[]>();
        foreach (var relation in relations)
        {
            double[]? row = null;
            foreach (var (cell, coefficient) in relation.Terms)
            {
                if (!columns.TryGetValue(cell, out var column)) continue;
                row ??= new double[hiddenCells.Count];
                row[column] += coefficient;
            }
            if (row is not null) rows.Add(row);
        }

        // Reduced row-echelon form with partial pivoting.
        const double tolerance = 1e-9;
        var pivotRowOfColumn = new int[hiddenCells.Count];
        Array.Fill(pivotRowOfColumn, -1);
        var lead = 0;
        for (var column = 0; column < hiddenCells.Count && lead < rows.Count; column++)
        {
            var best = -1;
            var bestAbs = tolerance;
            for (var r = lead; r < rows.Count; r++)
            {
                var a = Math.Abs(rows[r][column]);
                if (a > bestAbs) { best = r; bestAbs = a; }
            }
            if (best < 0) continue;
            (rows[lead], rows[best]) = (rows[best], rows[lead]);
            var pivot = rows[lead][column];
            for (var c = 0; c < hiddenCells.Count; c++) rows[lead][c] /= pivot;
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == lead) continue;
                var factor = rows[r][column];
                if (Math.Abs(factor) <= tolerance) continue;
                for (var c = 0; c < hiddenCells.Count; c++) rows[r][c] -= factor * rows[lead][c];
            }
            pivotRowOfColumn[column] = lead;
            lead++;
        }

        var result = new List<int>();
        for (var column = 0; column < hiddenCells.Count; column++)
        {
            var r = pivotRowOfColumn[column];
            if (r < 0) continue;
            var alone = true;
            for (var c = 0; c < hiddenCells.Count && alone; c++)
                if (c != column && Math.Abs(rows[r][c]) > tolerance) alone = false;
            if (alone) result.Add(hiddenCells[column]);
        }
        return result;
    }

    private static int ChooseComplement(CountLedger ledger, List<int>[] relationsOf, bool[] hidden, int target)
    {
        var cells = ledger.Cells;
        var candidates = new SortedSet<int>();
        foreach (var r in relationsOf[target])
            foreach (var (cell, _) in ledger.Relations[r].Terms)
                if (!hidden[cell]) candidates.Add(cell);
        if (candidates.Count == 0)
        {
            // The target is fixed through a chain of relations that are all hidden around it: widen the search to
            // every relation that holds a hidden cell.
            for (var r = 0; r < ledger.Relations.Count; r++)
            {
                var terms = ledger.Relations[r].Terms;
                if (!terms.Any(t => hidden[t.Cell])) continue;
                foreach (var (cell, _) in terms) if (!hidden[cell]) candidates.Add(cell);
            }
        }
        var best = -1;
        (int, int, int, int, int) bestScore = default;
        foreach (var c in candidates)
        {
            var alreadyProtected = relationsOf[c].Count(r => ledger.Relations[r].Terms.Any(t => hidden[t.Cell]) && !relationsOf[target].Contains(r));
            var score = (cells[c].Importance, cells[c].Value == 0 ? 1 : 0, -alreadyProtected, cells[c].Value, c);
            if (best < 0 || score.CompareTo(bestScore) < 0)
            {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }
}
