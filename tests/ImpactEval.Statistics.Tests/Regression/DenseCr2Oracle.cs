using MathNet.Numerics.LinearAlgebra;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>
/// A deliberately naive CR2 (Bell–McCaffrey) with Satterthwaite df, written straight from the
/// definitions in estimatr's lm_robust_helper.cpp / clubSandwich: it forms the n×n hat matrix, each
/// cluster's n_g×n_g adjustment matrix and the J×J matrix P. Only for small test data; the library's
/// fast path must agree with it.
/// </summary>
internal static class DenseCr2Oracle
{
    public static (double[] Se, double[] Df) Compute(double[,] x, double[] y, double[]? weights, int[] clusters)
    {
        int n = y.Length, p = x.GetLength(1);
        var X = Matrix<double>.Build.DenseOfArray(x);
        var wv = Vector<double>.Build.Dense(n, i => weights is null ? 1.0 : weights[i] / weights.Average());
        var W = Matrix<double>.Build.DenseOfDiagonalVector(wv);
        var Y = Vector<double>.Build.DenseOfArray(y);
        var M = (X.Transpose() * W * X).Inverse();
        var beta = M * X.Transpose() * W * Y;
        var e = Y - X * beta;
        var H = X * M * X.Transpose() * W;
        var omega = M * X.Transpose() * W * W * X * M;
        var I = Matrix<double>.Build.DenseIdentity(n);
        var G = (I - H) * (I - H).Transpose();
        var ids = clusters.Distinct().ToArray();
        var meat = Matrix<double>.Build.Dense(p, p);
        var pj = Matrix<double>.Build.Dense(n, p); // column j: weights of e in coefficient j's estimate
        foreach (var id in ids)
        {
            var rows = Enumerable.Range(0, n).Where(i => clusters[i] == id).ToArray();
            var Xg = Matrix<double>.Build.Dense(rows.Length, p, (i, j) => X[rows[i], j]);
            var Wg = Matrix<double>.Build.DenseOfDiagonalArray(rows.Select(i => wv[i]).ToArray());
            var Hgg = Matrix<double>.Build.Dense(rows.Length, rows.Length, (i, j) => H[rows[i], rows[j]]);
            var B = Matrix<double>.Build.DenseIdentity(rows.Length) - Hgg - Hgg.Transpose() + Xg * omega * Xg.Transpose();
            B = (B + B.Transpose()) / 2;
            var evd = B.Evd(Symmetricity.Symmetric);
            var f = evd.EigenValues.Real().Map(v => v > 1e-12 ? 1 / Math.Sqrt(v) : 0.0);
            var Bih = evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalVector(f) * evd.EigenVectors.Transpose();
            var at = Bih * Wg * Xg;
            var eg = Vector<double>.Build.Dense(rows.Length, i => e[rows[i]]);
            var u = at.TransposeThisAndMultiply(eg);
            meat += u.OuterProduct(u);
            var me = M * at.Transpose(); // p × n_g
            for (int k = 0; k < rows.Length; k++)
                for (int j = 0; j < p; j++) pj[rows[k], j] = me[j, k];
        }
        var V = M * meat * M;
        var se = Enumerable.Range(0, p).Select(j => Math.Sqrt(V[j, j])).ToArray();
        var df = new double[p];
        for (int j = 0; j < p; j++)
        {
            var P = Matrix<double>.Build.Dense(ids.Length, ids.Length);
            for (int a = 0; a < ids.Length; a++)
                for (int b = 0; b < ids.Length; b++)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (clusters[i] != ids[a]) continue;
                        for (int k = 0; k < n; k++)
                            if (clusters[k] == ids[b]) s += pj[i, j] * G[i, k] * pj[k, j];
                    }
                    P[a, b] = s;
                }
            df[j] = Math.Pow(P.Trace(), 2) / P.PointwisePower(2).Enumerate().Sum();
        }
        return (se, df);
    }
}
