namespace ImpactEval.Reporting.Disclosure;

/// <summary>
/// Interval protection of hidden counts, as τ-ARGUS and sdcTable define it: an attacker who knows every published count
/// and every relation of the ledger (margins, enrolled = observed + lost, a mean times its n is the sum of the values…)
/// can only tell that a hidden count lies between the minimum and the maximum of that count over every non-negative
/// solution of the relations. The interval is computed by linear programming (two-phase simplex, Bland's rule), so it is
/// the continuous relaxation: the integer interval is contained in it.
/// </summary>
/// <remarks>
/// A count is protected when its interval is at least the threshold wide: the attacker cannot tell a hidden 2 from a 0
/// or from a 7. <see cref="DisclosureControl.Protect"/> adds secondary suppressions until every sensitive count is
/// protected this way; the tests run the same computation on the finished reports.
/// </remarks>
public static class IntervalProtection
{
    private const double Tolerance = 1e-9;

    /// <summary>The feasible interval of every sensitive hidden count of <paramref name="plan"/> (primary suppressions), in ledger order.</summary>
    /// <param name="ledger">The published counts and their relations.</param>
    /// <param name="plan">What is hidden.</param>
    public static IReadOnlyList<ProtectionInterval> Intervals(CountLedger ledger, SuppressionPlan plan)
    {
        var hidden = ledger.Cells.Select(c => plan.IsHidden(c.Key)).ToArray();
        var sensitive = ledger.Cells.Select(c => plan.IsPrimary(c.Key)).ToArray();
        return Intervals(ledger, hidden, sensitive);
    }

    internal static List<ProtectionInterval> Intervals(CountLedger ledger, bool[] hidden, bool[] targets)
    {
        var system = HiddenSystem.Of(ledger, hidden);
        var result = new List<ProtectionInterval>();
        for (var i = 0; i < hidden.Length; i++)
        {
            if (!targets[i] || !hidden[i]) continue;
            var (lower, upper) = system.Range(i);
            result.Add(new ProtectionInterval(ledger.Cells[i].Key, ledger.Cells[i].Value, lower, upper));
        }
        return result;
    }

    /// <summary>The relations of a ledger restricted to its hidden cells: A·x = b, x ≥ 0.</summary>
    private sealed class HiddenSystem
    {
        private readonly Dictionary<int, int> column = [];
        private readonly double[][] rows;
        private readonly double[] rhs;

        private HiddenSystem(Dictionary<int, int> column, double[][] rows, double[] rhs) => (this.column, this.rows, this.rhs) = (column, rows, rhs);

        public static HiddenSystem Of(CountLedger ledger, bool[] hidden)
        {
            var column = new Dictionary<int, int>();
            for (var i = 0; i < hidden.Length; i++) if (hidden[i]) column[i] = column.Count;
            var rows = new List<double[]>();
            var rhs = new List<double>();
            foreach (var relation in ledger.Relations)
            {
                double[]? row = null;
                var b = relation.Constant;
                foreach (var (cell, coefficient) in relation.Terms)
                {
                    if (column.TryGetValue(cell, out var c)) (row ??= new double[column.Count])[c] += coefficient;
                    else b -= coefficient * ledger.Cells[cell].Value;
                }
                if (row is null) continue;
                rows.Add(row);
                rhs.Add(b);
            }
            return new HiddenSystem(column, [.. rows], [.. rhs]);
        }

        /// <summary>Minimum and maximum of hidden cell <paramref name="cell"/> (ledger index); +∞ when unbounded.</summary>
        public (double Lower, double Upper) Range(int cell)
        {
            var j = column[cell];
            // Only the rows connected to the cell matter: the others cannot constrain it.
            var (subRows, subRhs, map) = Component(j);
            var n = map.Count;
            var c = new double[n];
            c[map[j]] = 1;
            var lower = Simplex.Minimize(subRows, subRhs, c);
            c[map[j]] = -1;
            var upper = -Simplex.Minimize(subRows, subRhs, c);
            return (Math.Max(0, lower), upper);
        }

        private (double[][] Rows, double[] Rhs, Dictionary<int, int> Map) Component(int start)
        {
            var variables = new HashSet<int> { start };
            var usedRows = new HashSet<int>();
            var queue = new Queue<int>([start]);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                for (var r = 0; r < rows.Length; r++)
                {
                    if (usedRows.Contains(r) || Math.Abs(rows[r][v]) <= Tolerance) continue;
                    usedRows.Add(r);
                    for (var k = 0; k < rows[r].Length; k++)
                        if (Math.Abs(rows[r][k]) > Tolerance && variables.Add(k)) queue.Enqueue(k);
                }
            }
            var map = variables.Order().Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
            var ordered = usedRows.Order().ToList();
            var sub = ordered.Select(r => { var row = new double[map.Count]; foreach (var (v, i) in map) row[i] = rows[r][v]; return row; }).ToArray();
            return (sub, [.. ordered.Select(r => rhs[r])], map);
        }
    }

    /// <summary>A dense two-phase simplex for min c·x subject to A·x = b, x ≥ 0 (small problems: tens of variables).</summary>
    internal static class Simplex
    {
        /// <summary>The minimum; −∞ when unbounded below.</summary>
        /// <exception cref="InvalidOperationException">The system has no non-negative solution (the ledger is inconsistent).</exception>
        public static double Minimize(double[][] a, double[] b, double[] c)
        {
            int m = a.Length, n = c.Length;
            if (m == 0) return c.Any(x => x < -Tolerance) ? double.NegativeInfinity : 0;
            var width = n + m + 1;
            var t = new double[m + 1][];
            var basis = new int[m];
            for (var r = 0; r < m; r++)
            {
                t[r] = new double[width];
                var sign = b[r] < 0 ? -1 : 1;
                for (var k = 0; k < n; k++) t[r][k] = sign * a[r][k];
                t[r][n + r] = 1;
                t[r][^1] = sign * b[r];
                basis[r] = n + r;
            }
            // Phase I: minimise the sum of the artificial variables.
            t[m] = new double[width];
            for (var r = 0; r < m; r++)
                for (var k = 0; k < width; k++)
                    if (k < n || k == width - 1) t[m][k] -= t[r][k];
            Run(t, basis, width - 1);
            var scale = 1 + b.Sum(Math.Abs);
            if (-t[m][^1] > 1e-7 * scale) throw new InvalidOperationException("The relations of the ledger have no non-negative solution.");
            // Drive the artificial variables out of the basis (a row where none can leave is redundant).
            for (var r = 0; r < m; r++)
            {
                if (basis[r] < n) continue;
                for (var k = 0; k < n; k++)
                    if (Math.Abs(t[r][k]) > Tolerance) { Pivot(t, basis, r, k); break; }
            }
            // Phase II on the original objective; artificial columns never enter again.
            Array.Clear(t[m]);
            for (var k = 0; k < n; k++) t[m][k] = c[k];
            for (var r = 0; r < m; r++)
            {
                var cb = basis[r] < n ? c[basis[r]] : 0;
                if (cb == 0) continue;
                for (var k = 0; k < width; k++) if (k < n || k == width - 1) t[m][k] -= cb * t[r][k];
            }
            return Run(t, basis, n) ? -t[m][^1] : double.NegativeInfinity;
        }

        /// <summary>Pivots until optimal (true) or unbounded (false); only columns below <paramref name="entering"/> may enter.</summary>
        private static bool Run(double[][] t, int[] basis, int entering)
        {
            var m = basis.Length;
            for (var iteration = 0; iteration < 100_000; iteration++)
            {
                var column = -1;
                for (var k = 0; k < entering; k++) if (t[m][k] < -Tolerance) { column = k; break; }
                if (column < 0) return true;
                var row = -1;
                var best = double.PositiveInfinity;
                for (var r = 0; r < m; r++)
                {
                    if (t[r][column] <= Tolerance) continue;
                    var ratio = t[r][^1] / t[r][column];
                    if (row < 0 || ratio < best - Tolerance || (Math.Abs(ratio - best) <= Tolerance && basis[r] < basis[row]))
                    {
                        best = ratio;
                        row = r;
                    }
                }
                if (row < 0) return false;
                Pivot(t, basis, row, column);
            }
            throw new InvalidOperationException("The simplex did not converge.");
        }

        private static void Pivot(double[][] t, int[] basis, int row, int column)
        {
            var pivot = t[row][column];
            var width = t[row].Length;
            for (var k = 0; k < width; k++) t[row][k] /= pivot;
            for (var r = 0; r < t.Length; r++)
            {
                if (r == row) continue;
                var factor = t[r][column];
                if (Math.Abs(factor) <= Tolerance * Tolerance) continue;
                for (var k = 0; k < width; k++) t[r][k] -= factor * t[row][k];
            }
            basis[row] = column;
        }
    }
}

/// <summary>The values a hidden count can take given everything published.</summary>
/// <param name="Key">The cell's ledger key.</param>
/// <param name="Value">Its true value.</param>
/// <param name="Lower">Smallest feasible value (continuous relaxation).</param>
/// <param name="Upper">Largest feasible value; +∞ when nothing bounds it.</param>
public sealed record ProtectionInterval(string Key, int Value, double Lower, double Upper)
{
    /// <summary>Upper − lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether the interval is at least <paramref name="threshold"/> wide (with a margin for rounding).</summary>
    public bool Protects(int threshold) => Width >= threshold - 1e-6;
}
