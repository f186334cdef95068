using System.Numerics;
using System.Runtime.InteropServices;

namespace ImpactEval.Statistics.Numerics;

/// <summary>
/// Small dense linear-algebra kernels for the regression and likelihood models: Householder QR on
/// column-major blocks, Cholesky factorisation, solution and inversion of symmetric positive definite
/// matrices, cyclic Jacobi eigen-decomposition of small symmetric matrices, triangular inverses and
/// SIMD dot products. Matrices are column-major spans with an explicit leading dimension unless a
/// method says otherwise; nothing here allocates more than O(columns²).
/// </summary>
/// <remarks>
/// The Cholesky methods read only the lower triangle of a column-major matrix, which is the upper
/// triangle of a row-major one: callers that build a row-major matrix from its lower triangle make it
/// exactly symmetric first with <see cref="MirrorRowMajorLower"/>.
/// </remarks>
internal static class DenseKernels
{
    /// <summary>Dot product of two spans of equal length (SIMD when available).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
            var ys = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            int v = 0;
            for (; v + 1 < xs.Length; v += 2)
            {
                acc0 += xs[v] * ys[v];
                acc1 += xs[v + 1] * ys[v + 1];
            }
            for (; v < xs.Length; v++) acc0 += xs[v] * ys[v];
            sum = Vector.Sum(acc0 + acc1);
            i = xs.Length * Vector<double>.Count;
        }
        for (; i < n; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y ← y + a·x for spans of equal length (SIMD when available).</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
            var ys = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var va = new Vector<double>(a);
            for (int v = 0; v < xs.Length; v++) ys[v] += va * xs[v];
            i = xs.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>
    /// Householder QR, in place, of the column-major block <paramref name="a"/> (<paramref name="rows"/> ×
    /// <paramref name="cols"/>, leading dimension <paramref name="rows"/>). The first
    /// min(rows, <paramref name="factorCols"/>) columns are triangularised; the reflections are applied
    /// to every later column too (so an outcome placed after the regressors receives Qᵀy).
    /// On return the upper triangle holds R (and Qᵀ applied to the trailing columns); the entries
    /// below the diagonal of the factored columns are overwritten with zeros.
    /// </summary>
    public static void HouseholderInPlace(Span<double> a, int rows, int cols, int factorCols)
    {
        int steps = Math.Min(rows, factorCols);
        for (int k = 0; k < steps; k++)
        {
            var v = a.Slice(k * rows + k, rows - k);
            double norm = Math.Sqrt(Dot(v, v));
            if (norm == 0) continue;
            double alpha = v[0];
            double beta = alpha >= 0 ? -norm : norm;
            double scale = 1.0 / (alpha - beta);
            for (int i = 1; i < v.Length; i++) v[i] *= scale;
            v[0] = 1.0;
            double tau = (beta - alpha) / beta;
            for (int j = k + 1; j < cols; j++)
            {
                var c = a.Slice(j * rows + k, rows - k);
                double s = tau * Dot(v, c);
                if (s != 0) Axpy(-s, v, c);
            }
            v[0] = beta;
            v[1..].Clear();
        }
    }

    /// <summary>
    /// Cyclic Jacobi eigen-decomposition of the symmetric <paramref name="n"/>×<paramref name="n"/>
    /// matrix <paramref name="a"/> (row-major or column-major: it is symmetric; destroyed). Eigenvalues
    /// go to <paramref name="values"/>, orthonormal eigenvectors to the columns of <paramref name="vectors"/>
    /// (column-major n×n). Jacobi keeps high relative accuracy, which matters for eigenvalues near zero.
    /// </summary>
    public static void SymmetricEigen(Span<double> a, int n, Span<double> values, Span<double> vectors)
    {
        vectors[..(n * n)].Clear();
        for (int i = 0; i < n; i++) vectors[i * n + i] = 1.0;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diag = 0;
            for (int j = 0; j < n; j++)
            {
                diag += a[j * n + j] * a[j * n + j];
                for (int i = 0; i < j; i++) off += a[j * n + i] * a[j * n + i];
            }
            if (off == 0 || off <= 1e-34 * diag) break;
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[q * n + p];
                    if (apq == 0) continue;
                    double app = a[p * n + p], aqq = a[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[p * n + k], akq = a[q * n + k];
                        a[p * n + k] = c * akp - s * akq;
                        a[q * n + k] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[k * n + p], aqk = a[k * n + q];
                        a[k * n + p] = c * apk - s * aqk;
                        a[k * n + q] = s * apk + c * aqk;
                    }
                    a[q * n + p] = 0;
                    a[p * n + q] = 0;
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = vectors[p * n + k], vkq = vectors[q * n + k];
                        vectors[p * n + k] = c * vkp - s * vkq;
                        vectors[q * n + k] = s * vkp + c * vkq;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) values[i] = a[i * n + i];
    }

    /// <summary>
    /// Inverse of the upper-triangular r×r matrix <paramref name="r"/> (column-major, leading dimension
    /// <paramref name="ld"/>) into <paramref name="inverse"/> (column-major r×r).
    /// </summary>
    public static void UpperTriangularInverse(ReadOnlySpan<double> r, int ld, int n, Span<double> inverse)
    {
        inverse[..(n * n)].Clear();
        for (int j = 0; j < n; j++)
        {
            inverse[j * n + j] = 1.0 / r[j * ld + j];
            for (int i = j - 1; i >= 0; i--)
            {
                double s = 0;
                for (int k = i + 1; k <= j; k++) s += r[k * ld + i] * inverse[j * n + k];
                inverse[j * n + i] = -s / r[i * ld + i];
            }
        }
    }

    /// <summary>Matrix product A·B for column-major square n×n matrices.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n, Span<double> result)
    {
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[k * n + i] * b[j * n + k];
                result[j * n + i] = s;
            }
    }

    /// <summary>Quadratic form xᵀ A y for a column-major n×n matrix.</summary>
    public static double Bilinear(ReadOnlySpan<double> x, ReadOnlySpan<double> a, ReadOnlySpan<double> y, int n)
    {
        double s = 0;
        for (int j = 0; j < n; j++)
        {
            if (y[j] == 0) continue;
            double t = 0;
            for (int i = 0; i < n; i++) t += x[i] * a[j * n + i];
            s += t * y[j];
        }
        return s;
    }

    /// <summary>
    /// Cholesky factorisation A = L·Lᵀ, in place, of the symmetric positive definite column-major n×n
    /// matrix <paramref name="a"/>: only its lower triangle is read, and it receives L (the upper
    /// triangle is left as it was). Returns false, with <paramref name="a"/> partly overwritten, when a
    /// pivot is not positive or falls below <paramref name="relativeTolerance"/> times its diagonal
    /// entry (A singular or not positive definite).
    /// </summary>
    public static bool TryCholesky(Span<double> a, int n, double relativeTolerance = 0)
    {
        for (int j = 0; j < n; j++)
        {
            double diag = a[j * n + j];
            double s = diag;
            for (int k = 0; k < j; k++) s -= a[k * n + j] * a[k * n + j];
            if (!(s > 0) || (relativeTolerance > 0 && !(s > relativeTolerance * Math.Abs(diag)))) return false;
            double l = Math.Sqrt(s);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++)
            {
                double t = a[j * n + i];
                for (int k = 0; k < j; k++) t -= a[k * n + i] * a[k * n + j];
                a[j * n + i] = t / l;
            }
        }
        return true;
    }

    /// <summary>Solves L·Lᵀ x = b in place, given the factor L from <see cref="TryCholesky"/>.</summary>
    public static void CholeskySubstitute(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            double t = b[i];
            for (int k = 0; k < i; k++) t -= l[k * n + i] * b[k];
            b[i] = t / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double t = b[i];
            for (int k = i + 1; k < n; k++) t -= l[i * n + k] * b[k];
            b[i] = t / l[i * n + i];
        }
    }

    /// <summary>
    /// Solves A x = b in place for a symmetric positive definite column-major n×n matrix (destroyed:
    /// its lower triangle receives the Cholesky factor). Returns false when the factorisation fails
    /// (see <see cref="TryCholesky"/>).
    /// </summary>
    public static bool CholeskySolve(Span<double> a, int n, Span<double> b, double relativeTolerance)
    {
        if (!TryCholesky(a, n, relativeTolerance)) return false;
        CholeskySubstitute(a, n, b);
        return true;
    }

    /// <summary>
    /// Inverse of a symmetric positive definite n×n matrix (lower triangle read, column-major), exactly
    /// symmetric (the two triangles are averaged), or null when it is not positive definite.
    /// </summary>
    public static double[]? TryInverseSpd(ReadOnlySpan<double> a, int n)
    {
        var l = a[..(n * n)].ToArray();
        if (!TryCholesky(l, n)) return null;
        var inverse = new double[n * n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            CholeskySubstitute(l, n, column);
            for (int i = 0; i < n; i++) inverse[j * n + i] = column[i];
        }
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
            {
                double m = 0.5 * (inverse[j * n + i] + inverse[i * n + j]);
                inverse[j * n + i] = m;
                inverse[i * n + j] = m;
            }
        return inverse;
    }

    /// <summary>
    /// Makes the n×n matrix <paramref name="a"/> exactly symmetric by copying its row-major lower
    /// triangle (a[i·n + j], j &lt; i) onto the upper one, for matrices accumulated one triangle at a
    /// time or whose two triangles differ by rounding.
    /// </summary>
    public static void MirrorRowMajorLower(Span<double> a, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) a[i * n + j] = a[j * n + i];
    }

    /// <summary>result = U·A·Uᵀ for an upper-triangular U and symmetric A (column-major r×r), symmetrised.</summary>
    public static void Congruence(ReadOnlySpan<double> upper, ReadOnlySpan<double> a, int r, Span<double> result)
    {
        var tmp = new double[r * r];
        // tmp = U·A
        for (int j = 0; j < r; j++)
            for (int i = 0; i < r; i++)
            {
                double s = 0;
                for (int k = i; k < r; k++) s += upper[k * r + i] * a[j * r + k];
                tmp[j * r + i] = s;
            }
        // result = tmp·Uᵀ
        for (int j = 0; j < r; j++)
            for (int i = 0; i <= j; i++)
            {
                double s = 0;
                for (int k = j; k < r; k++) s += tmp[k * r + i] * upper[k * r + j];
                result[j * r + i] = s;
            }
        for (int j = 0; j < r; j++)
            for (int i = 0; i < j; i++)
            {
                // (tmp·Uᵀ) is symmetric in exact arithmetic; average with the other triangle's value.
                double s = 0;
                for (int k = i; k < r; k++) s += tmp[k * r + j] * upper[k * r + i];
                double avg = 0.5 * (result[j * r + i] + s);
                result[j * r + i] = avg;
                result[i * r + j] = avg;
            }
    }

    /// <summary>x̂ = Uᵀx for an upper-triangular column-major r×r U.</summary>
    public static void TransposeTimes(ReadOnlySpan<double> upper, ReadOnlySpan<double> x, int r, Span<double> result)
    {
        for (int b = 0; b < r; b++)
        {
            double s = 0;
            for (int a = 0; a <= b; a++) s += upper[b * r + a] * x[a];
            result[b] = s;
        }
    }
}
