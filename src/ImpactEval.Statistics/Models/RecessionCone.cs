namespace ImpactEval.Statistics;

/// <summary>
/// Exact test for non-existence of a maximum-likelihood estimate in logit-type models
/// (complete or quasi-complete separation, Albert &amp; Anderson 1984; the linear-programming
/// formulation of Konis 2007, as in R's <c>detectseparation</c>).
/// </summary>
/// <remarks>
/// Each row a_r is a linear function of the parameters that the log-likelihood rewards (for a
/// binary logit, a_i = (2y_i − 1)·x_i). The estimate fails to exist exactly when a direction b ≠ 0
/// has a_r·b ≥ 0 for every row and &gt; 0 for some row. By Farkas' lemma no such b exists iff some
/// μ with every μ_r ≥ 1 satisfies Σ μ_r a_r = 0. We test that with a phase-one simplex on the
/// d × (m + d) tableau (d parameters, m rows; Bland's rule, so degenerate pivots cannot cycle) and,
/// when it is infeasible, read the separating direction from the phase-one dual.
/// </remarks>
internal static class RecessionCone
{
    private const double PivotTolerance = 1e-11;

    /// <summary>Returns a separating direction (length d) or null when the MLE exists.</summary>
    /// <param name="rows">Row-major m × d matrix.</param>
    /// <param name="m">Number of rows.</param>
    /// <param name="d">Number of parameters.</param>
    public static double[]? FindDirection(double[] rows, int m, int d)
    {
        if (m == 0 || d == 0) return null;
        var scale = new double[d];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < d; j++) scale[j] = Math.Max(scale[j], Math.Abs(rows[i * d + j]));
        for (var j = 0; j < d; j++) if (scale[j] == 0) scale[j] = 1;

        var width = m + d + 1;
        var t = new double[d * width];
        var sign = new double[d];
        for (var j = 0; j < d; j++)
        {
            var r = 0.0;
            for (var i = 0; i < m; i++) r -= rows[i * d + j] / scale[j];
            sign[j] = r < 0 ? -1 : 1;
            for (var i = 0; i < m; i++) t[j * width + i] = sign[j] * rows[i * d + j] / scale[j];
            t[j * width + m + j] = 1;
            t[j * width + m + d] = sign[j] * r;
        }
        var basis = new int[d];
        for (var j = 0; j < d; j++) basis[j] = m + j;
        // Reduced costs of the phase-one objective (minimise the sum of artificials).
        var cost = new double[width];
        for (var q = 0; q < width; q++)
        {
            var s = 0.0;
            for (var j = 0; j < d; j++) s += t[j * width + q];
            cost[q] = q >= m && q < m + d ? 0 : -s;
        }
        var maxPivots = 50 * (m + d) + 1000;
        for (var iter = 0; iter < maxPivots; iter++)
        {
            var enter = -1;
            for (var q = 0; q < m + d; q++)
                if (cost[q] < -1e-10) { enter = q; break; }
            if (enter < 0) break;
            var leave = -1;
            var best = double.PositiveInfinity;
            for (var j = 0; j < d; j++)
            {
                var a = t[j * width + enter];
                if (a <= PivotTolerance) continue;
                var ratio = t[j * width + m + d] / a;
                if (ratio < best - 1e-14 || (Math.Abs(ratio - best) <= 1e-14 && leave >= 0 && basis[j] < basis[leave]))
                {
                    best = ratio;
                    leave = j;
                }
            }
            if (leave < 0) break; // unbounded cannot happen in phase one (objective bounded below by 0)
            Pivot(t, cost, width, d, leave, enter);
            basis[leave] = enter;
        }
        var infeasibility = -cost[m + d];
        if (infeasibility <= 1e-9 * Math.Max(1.0, m)) return null;

        // Phase-one dual y: reduced cost of artificial j is 1 − y_j.
        var b = new double[d];
        for (var j = 0; j < d; j++)
        {
            var y = 1 - cost[m + j];
            b[j] = -sign[j] * y / scale[j];
        }
        return b;
    }

    private static void Pivot(double[] t, double[] cost, int width, int d, int row, int col)
    {
        var pv = t[row * width + col];
        for (var q = 0; q < width; q++) t[row * width + q] /= pv;
        for (var j = 0; j < d; j++)
        {
            if (j == row) continue;
            var f = t[j * width + col];
            if (f == 0) continue;
            for (var q = 0; q < width; q++) t[j * width + q] -= f * t[row * width + q];
        }
        var fc = cost[col];
        if (fc != 0)
            for (var q = 0; q < width; q++) cost[q] -= fc * t[row * width + q];
    }

    /// <summary>Names of the parameters that carry the separating direction (relative size above 1e-6).</summary>
    public static List<int> Involved(double[] direction, double[] rows, int m, int d)
    {
        // Measure each component by its effect on the linear predictor (|b_j| times the column's max |a|).
        var size = new double[d];
        for (var j = 0; j < d; j++)
        {
            var mx = 0.0;
            for (var i = 0; i < m; i++) mx = Math.Max(mx, Math.Abs(rows[i * d + j]));
            size[j] = Math.Abs(direction[j]) * mx;
        }
        var max = size.Max();
        var list = new List<int>();
        for (var j = 0; j < d; j++) if (size[j] > 1e-6 * max) list.Add(j);
        return list;
    }

    /// <summary>Count of rows predicted perfectly along the direction (a_r·b &gt; 0).</summary>
    public static int StrictRows(double[] direction, double[] rows, int m, int d)
    {
        var max = 0.0;
        var v = new double[m];
        for (var i = 0; i < m; i++)
        {
            var s = 0.0;
            for (var j = 0; j < d; j++) s += rows[i * d + j] * direction[j];
            v[i] = s;
            max = Math.Max(max, Math.Abs(s));
        }
        var c = 0;
        for (var i = 0; i < m; i++) if (v[i] > 1e-8 * max) c++;
        return c;
    }
}
