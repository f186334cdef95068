using ImpactEval.Statistics.Numerics;

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
        var e = fit.ResidualArray;
        var w = fit.Weights;
        double dfResidual = fit.ResidualDegreesOfFreedom;
        var covariance = new double[r * r];
        if (type == VarianceEstimator.Classical)
        {
            double s2 = 0;
            for (int i = 0; i < n; i++) s2 += (w?[i] ?? 1.0) * e[i] * e[i];
            s2 /= dfResidual;
            for (int k = 0; k < r * r; k++) covariance[k] = s2 * fit.Bread[k];
        }
        else
        {
            // Whitened rows x̂ = R⁻ᵀx: leverage ‖x̂‖², meat Σ ω x̂x̂ᵀ, covariance R⁻¹·meat·R⁻ᵀ.
            var rinv = fit.RInverse;
            var meat = new double[r * r];
            var xi = new double[r];
            var xh = new double[r];
            var effect = fit.Effect;
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < r; k++) xi[k] = fit.X[k][i];
                DenseKernels.TransposeTimes(rinv, xi, r, xh);
                double wi = w?[i] ?? 1.0;
                double omega = wi * e[i] * e[i];
                if (type is VarianceEstimator.HC2 or VarianceEstimator.HC3)
                {
                    double h = wi * DenseKernels.Dot(xh, xh);
                    if (effect is not null) h += 1.0 / effect.Sizes[effect.Group[i]];
                    omega = type == VarianceEstimator.HC2 ? omega / (1 - h) : omega / ((1 - h) * (1 - h));
                    if (!double.IsFinite(omega)) omega = 0;
                }
                double factor = omega * wi;
                if (factor == 0) continue;
                for (int b = 0; b < r; b++)
                {
                    double fb = factor * xh[b];
                    for (int a = 0; a <= b; a++) meat[b * r + a] += fb * xh[a];
                }
            }
            for (int b = 0; b < r; b++)
                for (int a = 0; a < b; a++) meat[a * r + b] = meat[b * r + a];
            DenseKernels.Congruence(rinv, meat, r, covariance);
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
}
