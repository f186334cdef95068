namespace ImpactEval.Statistics.Regression;

/// <summary>
/// Classical and heteroskedasticity-consistent (HC0–HC3) variances of a least squares fit, following
/// estimatr's <c>lm_robust</c> conventions (which equal sandwich's <c>vcovHC</c>).
/// </summary>
/// <remarks>
/// With weights the fit is OLS on x*ᵢ = √wᵢ·xᵢ, y*ᵢ = √wᵢ·yᵢ (weights normalised to mean 1), and every
/// formula below uses those: leverage hᵢ = x*ᵢᵀ M x*ᵢ with M = (X*ᵀX*)⁻¹, meat Σ ωᵢ x*ᵢx*ᵢᵀ with
/// ωᵢ = e*ᵢ² (HC0, HC1), e*ᵢ²/(1 − hᵢ) (HC2) or e*ᵢ²/(1 − hᵢ)² (HC3). With an absorbed fixed effect the
/// leverage of the full model adds 1/n_g (the dummy's own leverage; the demeaned columns are
/// orthogonal to the dummies). k counts absorbed groups in n − k.
/// </remarks>
internal static class HeteroskedasticityRobust
{
    public static RegressionTable Compute(LinearModelFit fit, VarianceEstimator type, double level)
    {
        int n = fit.N;
        int r = fit.Rank;
        var m = fit.Bread;
        var e = fit.ResidualArray;
        var w = fit.Weights;
        double dfResidual = fit.ResidualDegreesOfFreedom;
        var covariance = new double[r * r];
        if (type == VarianceEstimator.Classical)
        {
            double s2 = 0;
            for (int i = 0; i < n; i++) s2 += (w?[i] ?? 1.0) * e[i] * e[i];
            s2 /= dfResidual;
            for (int k = 0; k < r * r; k++) covariance[k] = s2 * m[k];
        }
        else
        {
            var meat = new double[r * r];
            var xi = new double[r];
            var mx = new double[r];
            var effect = fit.Effect;
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < r; k++) xi[k] = fit.X[k][i];
                double wi = w?[i] ?? 1.0;
                double omega = wi * e[i] * e[i];
                if (type is VarianceEstimator.HC2 or VarianceEstimator.HC3)
                {
                    double h = 0;
                    for (int b = 0; b < r; b++)
                    {
                        double s = 0;
                        for (int a = 0; a < r; a++) s += m[b * r + a] * xi[a];
                        mx[b] = s;
                        h += s * xi[b];
                    }
                    h *= wi;
                    if (effect is not null) h += 1.0 / effect.Sizes[effect.Group[i]];
                    omega = type == VarianceEstimator.HC2 ? omega / (1 - h) : omega / ((1 - h) * (1 - h));
                    if (!double.IsFinite(omega)) omega = 0;
                }
                double factor = omega * wi;
                if (factor == 0) continue;
                for (int b = 0; b < r; b++)
                {
                    double fb = factor * xi[b];
                    for (int a = 0; a <= b; a++) meat[b * r + a] += fb * xi[a];
                }
            }
            for (int b = 0; b < r; b++)
                for (int a = 0; a < b; a++) meat[a * r + b] = meat[b * r + a];
            Sandwich(m, meat, r, covariance);
            if (type == VarianceEstimator.HC1)
            {
                double scale = n / dfResidual;
                for (int k = 0; k < r * r; k++) covariance[k] *= scale;
            }
        }
        var df = new double[r];
        Array.Fill(df, dfResidual);
        return fit.BuildTable(covariance, df, type, level, null);
    }

    /// <summary>covariance = M·meat·M for column-major r×r matrices.</summary>
    public static void Sandwich(ReadOnlySpan<double> bread, ReadOnlySpan<double> meat, int r, Span<double> covariance)
    {
        var tmp = new double[r * r];
        DenseKernels.Multiply(bread, meat, r, tmp);
        DenseKernels.Multiply(tmp, bread, r, covariance);
        for (int b = 0; b < r; b++)
            for (int a = 0; a < b; a++)
            {
                double s = 0.5 * (covariance[b * r + a] + covariance[a * r + b]);
                covariance[b * r + a] = s;
                covariance[a * r + b] = s;
            }
    }
}
