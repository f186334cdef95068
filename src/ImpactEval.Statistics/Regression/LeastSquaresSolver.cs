using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics.Regression;

/// <summary>
/// Least squares by blocked Householder QR ("TSQR"): rows are streamed in chunks into a buffer
/// under the running triangular factor, so memory stays O(chunk × columns) and the factor is as
/// accurate as a QR of the whole matrix. Rank is then decided by a column-pivoted QR of that factor
/// that picks, at each step, the remaining column of largest norm — the rule of Eigen's
/// <c>ColPivHouseholderQR</c> used by estimatr's <c>lm_robust</c>, so that when columns are exactly
/// collinear the same column is reported as not estimable (NA).
/// </summary>
internal static class LeastSquaresSolver
{
    private const int ChunkRows = 512;

    /// <summary>
    /// A column is declared collinear when the norm of its part orthogonal to the columns already
    /// chosen is at most this fraction of its own norm (before any absorbed fixed effects were swept out).
    /// </summary>
    public const double CollinearityTolerance = 1e-9;

    /// <summary>
    /// Result of a least squares fit on the kept columns: coefficients, the bread M = (XᵀWX)⁻¹ and the
    /// inverse R⁻¹ of the triangular factor (M = R⁻¹R⁻ᵀ), all column-major r×r. Variances are computed
    /// in the whitened coordinates X·R⁻¹ (orthonormal columns), which keeps their error at
    /// O(ε·κ(X)) rather than the O(ε·κ(X)²) of products with M.
    /// </summary>
    public sealed record Solution(bool[] Kept, double[] Beta, double[] Bread, double[] RInverse);

    /// <summary>
    /// Upper-triangular factor R ((p+1)×(p+1), column-major) of [√w·X | √w·y] for the given columns
    /// (each of length n), the outcome as last column. Weights may be empty (all ones).
    /// </summary>
    public static double[] TriangularFactor(IReadOnlyList<double[]> columns, ReadOnlySpan<double> y, ReadOnlySpan<double> rowScale)
    {
        int p = columns.Count;
        int m = p + 1;
        int n = y.Length;
        var r = new double[m * m];
        var buffer = new double[(m + ChunkRows) * m];
        for (int start = 0; start < n; start += ChunkRows)
        {
            int len = Math.Min(ChunkRows, n - start);
            int rows = m + len;
            var block = new Span<double>(buffer, 0, rows * m);
            for (int j = 0; j < m; j++)
            {
                var col = block.Slice(j * rows, rows);
                r.AsSpan(j * m, m).CopyTo(col);
                var data = col.Slice(m, len);
                var source = j < p ? columns[j].AsSpan(start, len) : y.Slice(start, len);
                source.CopyTo(data);
                if (!rowScale.IsEmpty)
                {
                    var scale = rowScale.Slice(start, len);
                    for (int i = 0; i < len; i++) data[i] *= scale[i];
                }
            }
            DenseKernels.HouseholderInPlace(block, rows, m, m);
            for (int j = 0; j < m; j++)
                for (int i = 0; i < m; i++) r[j * m + i] = i <= j ? block[j * rows + i] : 0.0;
        }
        return r;
    }

    /// <summary>
    /// Decides which columns are estimable from the augmented factor <paramref name="rAug"/> (from
    /// <see cref="TriangularFactor"/>) and solves for their coefficients.
    /// </summary>
    /// <param name="rAug">(p+1)×(p+1) column-major triangular factor of [X | y].</param>
    /// <param name="p">Number of regressor columns.</param>
    /// <param name="referenceNorms">Norm of each column before any sweep (absorbed effects) — the scale
    /// against which a remaining norm counts as zero.</param>
    public static Solution Solve(double[] rAug, int p, ReadOnlySpan<double> referenceNorms)
    {
        int m = p + 1;
        var work = new double[p * p];
        for (int j = 0; j < p; j++)
            for (int i = 0; i < p; i++) work[j * p + i] = rAug[j * m + i];
        var positions = new int[p];
        for (int j = 0; j < p; j++) positions[j] = j;
        var kept = new bool[p];
        int active = p;
        var v = new double[p];
        for (int k = 0; k < active; k++)
        {
            // Drop every remaining column whose part orthogonal to the chosen ones is negligible.
            int q = k;
            while (q < active)
            {
                int c = positions[q];
                double norm = Math.Sqrt(DenseKernels.Dot(work.AsSpan(c * p + k, p - k), work.AsSpan(c * p + k, p - k)));
                if (!(referenceNorms[c] > 0) || norm <= CollinearityTolerance * referenceNorms[c])
                {
                    (positions[q], positions[active - 1]) = (positions[active - 1], positions[q]);
                    active--;
                }
                else q++;
            }
            if (k >= active) break;
            int best = k;
            double bestNorm = -1;
            for (int t = k; t < active; t++)
            {
                int c = positions[t];
                double norm = DenseKernels.Dot(work.AsSpan(c * p + k, p - k), work.AsSpan(c * p + k, p - k));
                if (norm > bestNorm) { bestNorm = norm; best = t; }
            }
            (positions[k], positions[best]) = (positions[best], positions[k]);
            int pivot = positions[k];
            kept[pivot] = true;
            // Householder reflection on rows k..p-1 of the pivot column, applied to the other active columns.
            var x = work.AsSpan(pivot * p + k, p - k);
            double xnorm = Math.Sqrt(bestNorm);
            double alpha = x[0];
            double beta = alpha >= 0 ? -xnorm : xnorm;
            var hv = v.AsSpan(0, p - k);
            x.CopyTo(hv);
            hv[0] = alpha - beta;
            double hvNorm2 = DenseKernels.Dot(hv, hv);
            for (int t = k + 1; t < active; t++)
            {
                var col = work.AsSpan(positions[t] * p + k, p - k);
                double s = 2 * DenseKernels.Dot(hv, col) / hvNorm2;
                DenseKernels.Axpy(-s, hv, col);
            }
            x.Clear();
            x[0] = beta;
        }

        int r = 0;
        for (int j = 0; j < p; j++) if (kept[j]) r++;
        // Re-triangularise [R[:, kept] | R[:, y]] in the original column order.
        var block = new double[m * (r + 1)];
        int col2 = 0;
        for (int j = 0; j <= p; j++)
        {
            if (j < p && !kept[j]) continue;
            for (int i = 0; i < m; i++) block[col2 * m + i] = rAug[j * m + i];
            col2++;
        }
        DenseKernels.HouseholderInPlace(block, m, r + 1, r);
        var inverse = new double[r * r];
        DenseKernels.UpperTriangularInverse(block, m, r, inverse);
        var beta2 = new double[r];
        for (int i = 0; i < r; i++)
        {
            double s = 0;
            for (int k = i; k < r; k++) s += inverse[k * r + i] * block[r * m + k];
            beta2[i] = s;
        }
        // Bread M = R⁻¹ R⁻ᵀ (column-major r×r).
        var bread = new double[r * r];
        for (int j = 0; j < r; j++)
            for (int i = 0; i <= j; i++)
            {
                double s = 0;
                for (int k = j; k < r; k++) s += inverse[k * r + i] * inverse[k * r + j];
                bread[j * r + i] = s;
                bread[i * r + j] = s;
            }
        return new Solution(kept, beta2, bread, inverse);
    }
}
