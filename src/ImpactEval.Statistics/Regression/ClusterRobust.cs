using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics.Regression;

/// <summary>
/// Cluster-robust variances CR0, CR1 (Stata) and CR2 (Bell–McCaffrey, with Satterthwaite degrees of
/// freedom) of a least squares fit, in O(n·k²) time and O(n) memory.
/// </summary>
/// <remarks>
/// <para><b>Notation.</b> X is n×k (kept columns), W = diag(w) the weights normalised to mean 1 (W = I
/// for OLS), M = (XᵀWX)⁻¹, e = y − Xβ the unweighted residuals, g a cluster with rows X_g, e_g, W_g.
/// estimatr (<c>lm_robust_helper.cpp</c>, following clubSandwich with working model Φ = I) defines
/// H = X M Xᵀ W, Ω = M XᵀW²X M, and for each cluster the symmetric n_g×n_g matrix
/// B_g = [(I − H)(I − H)ᵀ]_gg = I − X_g M X_gᵀW_g − W_gX_g M X_gᵀ + X_g Ω X_gᵀ
/// (for OLS, B_g = I − H_gg). With B_g^(−½) its inverse square root (eigenvalues ≤ 10⁻¹² set to 0):
/// CR2 = M [Σ_g u_g u_gᵀ] M, u_g = X_gᵀW_g B_g^(−½) e_g.</para>
/// <para><b>Low-rank form.</b> B_g − I lies in the column space of U_g = [X_g, W_gX_g] (of X_g for OLS),
/// of dimension q ≤ 2k (k). Let U_g = Q R be a thin Householder QR (Q: n_g×q' orthonormal with
/// q' = min(n_g, q), R = [R₁ R₂] with X_g = Q R₁ and W_gX_g = Q R₂). Then
/// B_g = I + Q (S − I) Qᵀ with the small symmetric S = I − R₁MR₂ᵀ − R₂MR₁ᵀ + R₁ΩR₁ᵀ
/// (OLS: S = I − R₁MR₁ᵀ). On the orthogonal complement of span(Q) B_g is the identity, so any
/// spectral function f satisfies f(B_g) = I + Q (f(S) − I) Qᵀ, and with S = V diag(σ) Vᵀ and
/// f(σ) = σ^(−½) (0 below 10⁻¹², as estimatr) everything needed is a k×k product:
/// u_g = R₂ᵀ V f V ᵀ c with c = Qᵀe_g = Qᵀy_g − R₁β (Qᵀy_g comes from applying the reflections to y_g).
/// No n_g×n_g matrix is ever formed; the QR costs O(n_g q²).</para>
/// <para><b>Degrees of freedom.</b> estimatr's Satterthwaite df for coefficient j is
/// (tr P)²/‖P‖²_F where the J×J matrix P has entries
/// P_gh = δ_gh d_g − a_gᵀM b_h − a_hᵀM b_g + a_gᵀΩ a_h, with, for m = M e_j,
/// p_g = B_g^(−½)W_gX_g m (the weights of e_g in the estimate's linear combination),
/// d_g = ‖p_g‖² = mᵀR₂ᵀ V f² Vᵀ R₂ m, a_g = X_gᵀp_g = R₁ᵀ V f Vᵀ R₂ m, b_g = X_gᵀW_g p_g = R₂ᵀ V f Vᵀ R₂ m.
/// Writing y_g = [a_g; b_g] and Σ = [[Ω, −M], [−M, 0]] (OLS: y_g = a_g, Σ = −M), P = D + YᵀΣY, so
/// tr P = Σ_g (d_g + y_gᵀΣy_g) and ‖P‖²_F = Σ_g d_g² + 2 Σ_g d_g y_gᵀΣy_g + tr(ΣCΣC) with the
/// q×q accumulator C = Σ_g y_g y_gᵀ — no J×J matrix either, so thousands of clusters cost little.</para>
/// <para><b>Whitening.</b> The code applies all of the above to X̂ = X·R⁻¹, where XᵀWX = RᵀR comes from the
/// fit's QR: the estimator is equivariant (V = R⁻¹V̂R⁻ᵀ, coefficient j becomes the contrast m = R⁻ᵀe_j,
/// M̂ = I), and products such as R₁MR₁ᵀ are then formed from well-conditioned factors (R₁R⁻¹), which
/// keeps the rounding error at O(ε·κ(X)) instead of O(ε·κ(X)²) for designs with, e.g., a year or a
/// score of 500 next to the intercept.</para>
/// <para><b>Absorbed fixed effects.</b> When each absorbed group lies within one cluster, the block of
/// the full hat matrix is H_gg = P_g + X̃_g M X̃_gᵀ with P_g the projection on the group dummies of
/// cluster g and X̃ the demeaned columns, orthogonal to those dummies; the residuals and X̃_g also are.
/// B_g then has eigenvalue 0 on range(P_g) (zeroed by the threshold, as estimatr does with explicit
/// dummies) and equals the demeaned-model B_g elsewhere, so every quantity above is the same as for the
/// demeaned regression, which is what is computed.</para>
/// </remarks>
internal static class ClusterRobust
{
    private const double EigenvalueThreshold = 1e-12;

    public static RegressionTable Compute(LinearModelFit fit, ReadOnlySpan<int> clusterCodes, VarianceEstimator type, double level) =>
        Compute(fit, clusterCodes, type, type == VarianceEstimator.CR2 ? ClusterDegreesOfFreedom.Satterthwaite : ClusterDegreesOfFreedom.ClustersMinusOne, level);

    /// <summary>
    /// CR0, CR1 or CR2 with the chosen degrees of freedom: Satterthwaite's per coefficient (for CR2, Bell and McCaffrey's)
    /// or G − 1. Satterthwaite's df of CR0 and CR1 use their adjustment matrices (the identity, up to CR1's scale, which
    /// the df do not depend on), as clubSandwich's <c>coef_test(vcov = "CR0" | "CR1S", test = "Satterthwaite")</c>.
    /// </summary>
    public static RegressionTable Compute(LinearModelFit fit, ReadOnlySpan<int> clusterCodes, VarianceEstimator type, ClusterDegreesOfFreedom rule, double level)
    {
        if (clusterCodes.Length != fit.DesignRowCount)
            throw new ArgumentException($"clusters has {clusterCodes.Length} values; the design has {fit.DesignRowCount} rows.", nameof(clusterCodes));
        int n = fit.N;
        var used = fit.UsedRowIndices;
        var map = new Dictionary<int, int>();
        var clusterOf = new int[n];
        for (int t = 0; t < n; t++)
        {
            int code = clusterCodes[used[t]];
            if (!map.TryGetValue(code, out int g))
            {
                g = map.Count;
                map.Add(code, g);
            }
            clusterOf[t] = g;
        }
        int clusterCount = map.Count;
        if (clusterCount < 2)
            throw new StatisticsException(
                "Les observations utilisées appartiennent à une seule grappe : une variance robuste par grappes exige au moins deux grappes.");
        var starts = new int[clusterCount + 1];
        for (int t = 0; t < n; t++) starts[clusterOf[t] + 1]++;
        for (int g = 0; g < clusterCount; g++) starts[g + 1] += starts[g];
        var order = new int[n];
        var next = (int[])starts.Clone();
        for (int t = 0; t < n; t++) order[next[clusterOf[t]]++] = t;

        int r = fit.Rank;
        var covariance = new double[r * r];
        var df = new double[r];
        bool satterthwaite = rule == ClusterDegreesOfFreedom.Satterthwaite;
        if (type == VarianceEstimator.CR2 || satterthwaite)
        {
            if (fit.Effect is { } effect)
            {
                var clusterOfGroup = new int[effect.Count];
                Array.Fill(clusterOfGroup, -1);
                for (int t = 0; t < n; t++)
                {
                    int grp = effect.Group[t];
                    if (clusterOfGroup[grp] < 0) clusterOfGroup[grp] = clusterOf[t];
                    else if (clusterOfGroup[grp] != clusterOf[t])
                        throw new StatisticsException(
                            "La variance CR2 avec effets fixes absorbés exige que chaque unité appartienne à une seule grappe ; ici une unité est répartie entre plusieurs grappes.");
                }
            }
            BellMcCaffrey(fit, order, starts, covariance, df, adjust: type == VarianceEstimator.CR2);
            if (type == VarianceEstimator.CR1) ScaleCr1(fit, clusterCount, covariance);
            if (!satterthwaite) Array.Fill(df, clusterCount - 1.0);
        }
        else
        {
            var meat = new double[r * r];
            var u = new double[r];
            var w = fit.Weights;
            var e = fit.ResidualArray;
            var uh = new double[r];
            for (int g = 0; g < clusterCount; g++)
            {
                Array.Clear(u);
                for (int s = starts[g]; s < starts[g + 1]; s++)
                {
                    int i = order[s];
                    double we = (w?[i] ?? 1.0) * e[i];
                    for (int k = 0; k < r; k++) u[k] += we * fit.X[k][i];
                }
                DenseKernels.TransposeTimes(fit.RInverse, u, r, uh);
                for (int b = 0; b < r; b++)
                    for (int a = 0; a < r; a++) meat[b * r + a] += uh[a] * uh[b];
            }
            DenseKernels.Congruence(fit.RInverse, meat, r, covariance);
            if (type == VarianceEstimator.CR1) ScaleCr1(fit, clusterCount, covariance);
            Array.Fill(df, clusterCount - 1.0);
        }
        return fit.BuildTable(covariance, df, type, level, clusterCount, rule);
    }

    /// <summary>Stata's small-sample factor G(n − 1)/((G − 1)(n − k)), absorbed groups counted in k.</summary>
    private static void ScaleCr1(LinearModelFit fit, int clusterCount, double[] covariance)
    {
        double rankFe = fit.Rank + fit.AbsorbedRank;
        double scale = clusterCount * (fit.N - 1.0) / ((clusterCount - 1.0) * (fit.N - rankFe));
        for (int k = 0; k < covariance.Length; k++) covariance[k] *= scale;
    }

    /// <summary>Per-cluster whitened triangular factor R̂ = [R₁ R₂]·R⁻¹ (q'×f) and residual projection c = Qᵀe_g.</summary>
    private sealed record ClusterFactor(int Rows, double[] RHat, double[] C);

    /// <summary>
    /// The CR2 covariance and its Bell–McCaffrey df when <paramref name="adjust"/>; otherwise the CR0 covariance and the
    /// Satterthwaite df of the unadjusted estimator (adjustment matrices A_g = I, that is f ≡ 1 below).
    /// </summary>
    private static void BellMcCaffrey(LinearModelFit fit, int[] order, int[] starts, double[] covariance, double[] df, bool adjust)
    {
        // Everything below runs in whitened coordinates X̂ = X·R⁻¹ (XᵀWX = RᵀR), where M̂ = I: the
        // estimator is equivariant (V = R⁻¹V̂R⁻ᵀ, and coefficient j is the contrast m = R⁻ᵀe_j), and no
        // product with the possibly ill-conditioned M is formed.
        int r = fit.Rank;
        int clusterCount = starts.Length - 1;
        var w = fit.Weights;
        bool weighted = w is not null;
        int f = weighted ? 2 * r : r;
        var rinv = fit.RInverse;
        var beta = fit.Beta;

        // Pass 1: QR of each cluster block [X_g | W_gX_g | y_g]; keep R̂ = R·R⁻¹ (q'×f) and c = Qᵀe_g.
        int maxRows = 0;
        for (int g = 0; g < clusterCount; g++) maxRows = Math.Max(maxRows, starts[g + 1] - starts[g]);
        var buffer = new double[maxRows * (f + 1)];
        var factors = new ClusterFactor[clusterCount];
        var omega = weighted ? new double[r * r] : null;
        for (int g = 0; g < clusterCount; g++)
        {
            int rows = starts[g + 1] - starts[g];
            var block = buffer.AsSpan(0, rows * (f + 1));
            for (int k = 0; k < r; k++)
            {
                var source = fit.X[k];
                var col = block.Slice(k * rows, rows);
                for (int s = 0; s < rows; s++) col[s] = source[order[starts[g] + s]];
                if (weighted)
                {
                    var wcol = block.Slice((r + k) * rows, rows);
                    for (int s = 0; s < rows; s++) wcol[s] = w![order[starts[g] + s]] * col[s];
                }
            }
            var ycol = block.Slice(f * rows, rows);
            for (int s = 0; s < rows; s++) ycol[s] = fit.Y[order[starts[g] + s]];
            DenseKernels.HouseholderInPlace(block, rows, f + 1, f);
            int q = Math.Min(rows, f);
            var c = new double[q];
            for (int i = 0; i < q; i++)
            {
                double s = block[f * rows + i];
                for (int l = i; l < r; l++) s -= block[l * rows + i] * beta[l];
                c[i] = s;
            }
            // R̂ = R_g·R⁻¹ blockwise (R₁R⁻¹ and R₂R⁻¹), rows i < q.
            var rh = new double[q * f];
            for (int half = 0; half < f / r; half++)
                for (int b = 0; b < r; b++)
                    for (int i = 0; i < q; i++)
                    {
                        double s = 0;
                        for (int l = 0; l <= b; l++)
                        {
                            int col = half * r + l;
                            if (i <= col) s += block[col * rows + i] * rinv[b * r + l];
                        }
                        rh[(half * r + b) * q + i] = s;
                    }
            factors[g] = new ClusterFactor(q, rh, c);
            if (omega is not null)
            {
                // Ω̂ = X̂ᵀW²X̂ = Σ_g R̂₂ᵀR̂₂ (exact: W_gX̂_g = Q R̂₂).
                for (int b = 0; b < r; b++)
                    for (int a = 0; a < r; a++)
                    {
                        double s = 0;
                        for (int i = 0; i < q; i++) s += rh[(r + a) * q + i] * rh[(r + b) * q + i];
                        omega[b * r + a] += s;
                    }
            }
        }

        // Pass 2: per-cluster q×q algebra.
        int qy = weighted ? 2 * r : r;
        var meat = new double[r * r];
        var trace = new double[r];
        var sumSquares = new double[r];
        var accumulators = new double[r][];
        for (int j = 0; j < r; j++) accumulators[j] = new double[qy * qy];
        var ro = new double[f * r];
        var sMat = new double[f * f];
        var values = new double[f];
        var vectors = new double[f * f];
        var fv = new double[f];
        var z1 = new double[f * r];
        var z2 = new double[f * r];
        var cv = new double[f];
        var u = new double[r];
        var t1 = new double[r * r];
        var t2 = new double[r * r];
        var pd = new double[r * r];
        var yv = new double[qy];
        var mj = new double[r];
        for (int g = 0; g < clusterCount; g++)
        {
            var (q, rh, c) = factors[g];
            int r2Offset = weighted ? r * q : 0;
            if (omega is not null)
                for (int b = 0; b < r; b++)
                    for (int i = 0; i < q; i++)
                    {
                        double s = 0;
                        for (int l = 0; l < r; l++) s += rh[l * q + i] * omega[b * r + l];
                        ro[b * q + i] = s;
                    }
            // S = I − R̂₁R̂₂ᵀ − R̂₂R̂₁ᵀ + R̂₁Ω̂R̂₁ᵀ (weighted) or I − R̂₁R̂₁ᵀ (OLS), symmetrised.
            for (int j = 0; j < q; j++)
                for (int i = 0; i < q; i++)
                {
                    double s = 0;
                    if (omega is null)
                    {
                        for (int b = 0; b < r; b++) s -= rh[b * q + i] * rh[b * q + j];
                    }
                    else
                    {
                        for (int b = 0; b < r; b++)
                            s += -2 * rh[b * q + i] * rh[r2Offset + b * q + j] + ro[b * q + i] * rh[b * q + j];
                    }
                    sMat[j * q + i] = s;
                }
            for (int j = 0; j < q; j++)
            {
                sMat[j * q + j] += 1.0;
                for (int i = 0; i < j; i++)
                {
                    double avg = 0.5 * (sMat[j * q + i] + sMat[i * q + j]);
                    sMat[j * q + i] = avg;
                    sMat[i * q + j] = avg;
                }
            }
            DenseKernels.SymmetricEigen(sMat.AsSpan(0, q * q), q, values, vectors);
            for (int i = 0; i < q; i++) fv[i] = !adjust ? 1.0 : values[i] > EigenvalueThreshold ? 1.0 / Math.Sqrt(values[i]) : 0.0;
            // Z1 = VᵀR̂₁, Z2 = VᵀR̂₂, cv = Vᵀc
            for (int i = 0; i < q; i++)
            {
                double s = 0;
                for (int t = 0; t < q; t++) s += vectors[i * q + t] * c[t];
                cv[i] = s;
                for (int b = 0; b < r; b++)
                {
                    double s1 = 0, s2 = 0;
                    for (int t = 0; t < q; t++)
                    {
                        s1 += vectors[i * q + t] * rh[b * q + t];
                        s2 += vectors[i * q + t] * rh[r2Offset + b * q + t];
                    }
                    z1[b * q + i] = s1;
                    z2[b * q + i] = s2;
                }
            }
            // û = Z2ᵀ f cv ; T1 = Z2ᵀ f Z1 ; T2 = Z2ᵀ f Z2 ; Pd = Z2ᵀ f² Z2
            for (int b = 0; b < r; b++)
            {
                double s = 0;
                for (int i = 0; i < q; i++) s += z2[b * q + i] * fv[i] * cv[i];
                u[b] = s;
            }
            for (int b = 0; b < r; b++)
                for (int a = 0; a < r; a++)
                {
                    double s1 = 0, s2 = 0, s3 = 0;
                    for (int i = 0; i < q; i++)
                    {
                        double za = z2[a * q + i] * fv[i];
                        s1 += za * z1[b * q + i];
                        s2 += za * z2[b * q + i];
                        s3 += za * fv[i] * z2[b * q + i];
                    }
                    t1[b * r + a] = s1;
                    t2[b * r + a] = s2;
                    pd[b * r + a] = s3;
                }
            for (int b = 0; b < r; b++)
                for (int a = 0; a < r; a++) meat[b * r + a] += u[a] * u[b];

            for (int j = 0; j < r; j++)
            {
                // m = R⁻ᵀe_j: row j of R⁻¹ (zero before position j).
                for (int a = 0; a < r; a++) mj[a] = a >= j ? rinv[a * r + j] : 0.0;
                double d = DenseKernels.Bilinear(mj, pd, mj, r);
                // a = T1ᵀm
                for (int b = 0; b < r; b++)
                {
                    double s = 0;
                    for (int a = j; a < r; a++) s += t1[b * r + a] * mj[a];
                    yv[b] = s;
                }
                double quad;
                if (omega is null)
                {
                    quad = -DenseKernels.Dot(yv.AsSpan(0, r), yv.AsSpan(0, r));
                }
                else
                {
                    // b = T2m
                    for (int b = 0; b < r; b++)
                    {
                        double s = 0;
                        for (int a = j; a < r; a++) s += t2[a * r + b] * mj[a];
                        yv[r + b] = s;
                    }
                    quad = DenseKernels.Bilinear(yv.AsSpan(0, r), omega, yv.AsSpan(0, r), r)
                           - 2 * DenseKernels.Dot(yv.AsSpan(0, r), yv.AsSpan(r, r));
                }
                trace[j] += d + quad;
                sumSquares[j] += d * d + 2 * d * quad;
                var acc = accumulators[j];
                for (int b = 0; b < qy; b++)
                {
                    double yb = yv[b];
                    if (yb == 0) continue;
                    for (int a = 0; a < qy; a++) acc[b * qy + a] += yv[a] * yb;
                }
            }
        }

        DenseKernels.Congruence(rinv, meat, r, covariance);

        // Σ = −I (OLS) or [[Ω̂, −I], [−I, 0]] (WLS), column-major qy×qy.
        var sigma = new double[qy * qy];
        for (int b = 0; b < r; b++)
        {
            if (omega is null) sigma[b * qy + b] = -1.0;
            else
            {
                for (int a = 0; a < r; a++) sigma[b * qy + a] = omega[b * r + a];
                sigma[(r + b) * qy + b] = -1.0;
                sigma[b * qy + r + b] = -1.0;
            }
        }
        var e1 = new double[qy * qy];
        for (int j = 0; j < r; j++)
        {
            DenseKernels.Multiply(sigma, accumulators[j], qy, e1);
            double tr2 = 0;
            for (int b = 0; b < qy; b++)
                for (int a = 0; a < qy; a++) tr2 += e1[b * qy + a] * e1[a * qy + b];
            double frob = sumSquares[j] + tr2;
            df[j] = trace[j] * trace[j] / frob;
        }
    }
}
