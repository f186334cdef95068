namespace ImpactEval.Statistics;

/// <summary>Small dense symmetric linear algebra for p × p information matrices (p is a few dozen at most).</summary>
internal static class DenseAlgebra
{
    /// <summary>In-place Cholesky factor (lower triangle) of a symmetric matrix stored row-major; false if not positive definite.</summary>
    public static bool TryCholesky(double[] a, int p)
    {
        for (var j = 0; j < p; j++)
        {
            var d = a[j * p + j];
            for (var k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k];
            if (!(d > 0) || double.IsNaN(d)) return false;
            var l = Math.Sqrt(d);
            a[j * p + j] = l;
            for (var i = j + 1; i < p; i++)
            {
                var s = a[i * p + j];
                for (var k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
                a[i * p + j] = s / l;
            }
        }
        for (var i = 0; i < p; i++)
            for (var j = i + 1; j < p; j++) a[i * p + j] = 0;
        return true;
    }

    /// <summary>Solves L Lᵀ x = b given the Cholesky factor L (row-major lower triangle).</summary>
    public static double[] CholeskySolve(double[] l, int p, ReadOnlySpan<double> b)
    {
        var y = new double[p];
        for (var i = 0; i < p; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= l[i * p + k] * y[k];
            y[i] = s / l[i * p + i];
        }
        for (var i = p - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < p; k++) s -= l[k * p + i] * y[k];
            y[i] = s / l[i * p + i];
        }
        return y;
    }

    /// <summary>Inverse of a symmetric positive definite matrix from its Cholesky factor.</summary>
    public static double[] CholeskyInverse(double[] l, int p)
    {
        var inv = new double[p * p];
        var e = new double[p];
        for (var j = 0; j < p; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            var col = CholeskySolve(l, p, e);
            for (var i = 0; i < p; i++) inv[i * p + j] = col[i];
        }
        for (var i = 0; i < p; i++)
            for (var j = i + 1; j < p; j++)
            {
                var m = 0.5 * (inv[i * p + j] + inv[j * p + i]);
                inv[i * p + j] = m;
                inv[j * p + i] = m;
            }
        return inv;
    }

    /// <summary>Inverse of a symmetric positive definite matrix, or null when it is not positive definite.</summary>
    public static double[]? TryInverseSpd(ReadOnlySpan<double> a, int p)
    {
        var l = a.ToArray();
        return TryCholesky(l, p) ? CholeskyInverse(l, p) : null;
    }
}
