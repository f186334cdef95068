using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Multinomial (baseline-category) logistic regression by Newton–Raphson, as R's
/// <c>nnet::multinom</c> (which fits the same likelihood by BFGS) and
/// <c>VGAM::vglm(family = multinomial(refLevel = 1))</c>: log(P(g | x) / P(0 | x)) = x·b_g.
/// Standard errors come from the inverse observed information (equal to the expected one for
/// this canonical model; <c>summary(multinom)</c>, <c>vcov(vglm)</c>).
/// </summary>
/// <remarks>
/// Used as the propensity model for three or more groups (focal beneficiaries and two comparison
/// groups); feed the result to <see cref="PropensityWeights.AttFromMultinomial"/>. Rows with a
/// missing group (negative code), predictor or weight are dropped. A group without any
/// observation, or data in which some group is perfectly predicted (separation, detected exactly
/// before fitting), are refused with a French <see cref="StatisticsException"/>.
/// </remarks>
public static class MultinomialLogit
{
    private const string Method = "Multinomial logit (ML), observed-information SE";

    /// <summary>Fits the multinomial logit of group membership.</summary>
    /// <param name="group">Group code per observation, 0 … groupLabels.Count − 1 (0 is the reference); negative = missing.</param>
    /// <param name="groupLabels">Group labels indexed by code (at least 2).</param>
    /// <param name="predictors">Predictor columns (an intercept is added).</param>
    /// <param name="weights">Optional non-negative case weights; empty for none.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="maxIterations">Maximum Newton iterations.</param>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 labels, a code without label, or a negative weight.</exception>
    /// <exception cref="StatisticsException">No usable observation, an empty group, separation, or no convergence.</exception>
    public static MultinomialLogitResult Fit(
        ReadOnlySpan<int> group,
        IReadOnlyList<string> groupLabels,
        IReadOnlyList<Predictor> predictors,
        ReadOnlySpan<double> weights = default,
        double level = 0.95,
        int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(groupLabels);
        ConfidenceInterval.CheckLevel(level);
        var gCount = groupLabels.Count;
        if (gCount < 2) throw new ArgumentException("At least two groups are needed.", nameof(groupLabels));
        var n0 = group.Length;
        var (design, y, groupWeights) = ModelDesign.ForCategoricalOutcome(group, gCount, nameof(group), predictors, weights);
        var n = design.N;
        var p = design.P;
        var x = design.X;
        var w = design.Weights;
        var nPos = design.PositiveWeightCount();
        if (nPos == 0)
            throw new StatisticsException("Aucune observation complète (groupe et variables renseignés, poids positif) : le modèle multinomial ne peut pas être estimé.");
        for (var g = 0; g < gCount; g++)
            if (groupWeights[g] == 0)
                throw new StatisticsException($"Le groupe « {groupLabels[g]} » ne compte aucune observation complète : sa probabilité d'appartenance ne peut pas être modélisée.");

        var m = gCount - 1;
        var q = m * p;
        CheckSeparation(design, y, gCount, groupLabels);

        var beta = new double[q];
        var probs = new double[n * gCount];
        var (iterations, converged, _) = NewtonRaphson.Maximize(beta,
            (theta, gradient, hessian) => Evaluate(theta, x, y, w, n, p, gCount, probs, gradient, hessian),
            (information, gradient) =>
            {
                DenseKernels.MirrorRowMajorLower(information, q);
                var step = (double[])gradient.Clone();
                if (!DenseKernels.CholeskySolve(information, q, step, 0))
                    throw new StatisticsException("La matrice d'information du modèle multinomial est singulière : le modèle ne peut pas être estimé.");
                return step;
            },
            feasible: null, maxIterations);
        if (!converged)
            throw new StatisticsException($"L'ajustement du modèle multinomial n'a pas convergé en {maxIterations} itérations.");
        var grad = new double[q];
        var hess = new double[q * q];
        var ll = Evaluate(beta, x, y, w, n, p, gCount, probs, grad, hess);
        var info = new double[q * q];
        for (var i = 0; i < q * q; i++) info[i] = -hess[i];
        DenseKernels.MirrorRowMajorLower(info, q);
        var cov = DenseKernels.TryInverseSpd(info, q)
            ?? throw new StatisticsException("La matrice d'information du modèle multinomial est singulière : le modèle ne peut pas être estimé.");

        var warnings = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, aliased) in design.Names.Zip(design.Aliased))
            if (aliased) warnings.Add(Estimate.CollinearWarning(name));
        var equations = ImmutableArray.CreateBuilder<MultinomialEquation>(m);
        for (var g = 1; g < gCount; g++)
        {
            var coefs = ImmutableArray.CreateBuilder<Estimate>(design.Names.Length);
            var k = 0;
            for (var j = 0; j < design.Names.Length; j++)
            {
                var term = design.Names[j];
                if (design.Aliased[j])
                {
                    coefs.Add(Estimate.Collinear(term, double.PositiveInfinity, level, Method, nPos));
                    continue;
                }
                var idx = (g - 1) * p + k;
                coefs.Add(Estimate.FromStandardError(term, beta[idx], Math.Sqrt(cov[idx * q + idx]), double.PositiveInfinity, level, Method, nPos, []));
                k++;
            }
            equations.Add(new MultinomialEquation(groupLabels[g], coefs.MoveToImmutable()));
        }
        var fitted = new double[n0 * gCount];
        Array.Fill(fitted, double.NaN);
        for (var r = 0; r < n; r++)
            for (var g = 0; g < gCount; g++) fitted[design.Rows[r] * gCount + g] = probs[r * gCount + g];
        var deviance = -2 * ll;
        return new MultinomialLogitResult(groupLabels.ToImmutableArray(), equations.MoveToImmutable(), deviance, deviance + 2 * q,
            iterations, nPos, warnings.ToImmutable(), ImmutableArray.Create(fitted));
    }

    /// <summary>Log-likelihood and fitted probabilities; gradient and Hessian when requested.</summary>
    private static double Evaluate(double[] beta, double[] x, int[] y, double[] w, int n, int p, int gCount, double[] probs, double[]? grad, double[]? hess)
    {
        var m = gCount - 1;
        var q = m * p;
        if (grad is not null) Array.Clear(grad);
        if (hess is not null) Array.Clear(hess);
        var eta = new double[gCount];
        var ll = 0.0;
        for (var r = 0; r < n; r++)
        {
            var max = 0.0;
            eta[0] = 0;
            for (var g = 1; g < gCount; g++)
            {
                var s = 0.0;
                for (var a = 0; a < p; a++) s += x[r * p + a] * beta[(g - 1) * p + a];
                eta[g] = s;
                if (s > max) max = s;
            }
            var denom = 0.0;
            for (var g = 0; g < gCount; g++) denom += Math.Exp(eta[g] - max);
            for (var g = 0; g < gCount; g++) probs[r * gCount + g] = Math.Exp(eta[g] - max) / denom;
            var wr = w[r];
            if (wr == 0) continue;
            ll += wr * (eta[y[r]] - max - Math.Log(denom));
            if (grad is null) continue;
            for (var g = 1; g < gCount; g++)
            {
                var resid = (y[r] == g ? 1.0 : 0.0) - probs[r * gCount + g];
                for (var a = 0; a < p; a++) grad[(g - 1) * p + a] += wr * x[r * p + a] * resid;
            }
            if (hess is null) continue;
            for (var g = 1; g < gCount; g++)
                for (var h = 1; h < gCount; h++)
                {
                    var c = probs[r * gCount + g] * ((g == h ? 1.0 : 0.0) - probs[r * gCount + h]);
                    for (var a = 0; a < p; a++)
                    {
                        var xa = wr * c * x[r * p + a];
                        var row = ((g - 1) * p + a) * q + (h - 1) * p;
                        for (var b = 0; b < p; b++) hess[row + b] -= xa * x[r * p + b];
                    }
                }
        }
        return ll;
    }

    /// <summary>
    /// Exact existence test: the MLE fails to exist when some direction raises every observation's
    /// own-group linear predictor relative to every other group's: x_i·(b_{g_i} − b_k) ≥ 0 for all i, k.
    /// </summary>
    private static void CheckSeparation(ModelDesign design, int[] y, int gCount, IReadOnlyList<string> labels)
    {
        var p = design.P;
        var d = (gCount - 1) * p;
        var rows = new List<double>();
        var m = 0;
        for (var r = 0; r < design.N; r++)
        {
            if (design.Weights[r] <= 0) continue;
            for (var k = 0; k < gCount; k++)
            {
                if (k == y[r]) continue;
                var row = new double[d];
                for (var a = 0; a < p; a++)
                {
                    var xa = design.X[r * p + a];
                    if (y[r] > 0) row[(y[r] - 1) * p + a] += xa;
                    if (k > 0) row[(k - 1) * p + a] -= xa;
                }
                rows.AddRange(row);
                m++;
            }
        }
        var a0 = rows.ToArray();
        var direction = RecessionCone.FindDirection(a0, m, d);
        if (direction is null) return;
        var involved = RecessionCone.Involved(direction, a0, m, d);
        var parts = involved
            .Select(j => (Group: labels[j / p + 1], Term: design.Names[design.Kept[j % p]]))
            .Select(t => t.Term == "(Intercept)" ? $"« {t.Group} » (constante)" : $"« {t.Term} » pour « {t.Group} »")
            .Distinct();
        throw new StatisticsException(
            $"Séparation : l'appartenance aux groupes est parfaitement prédite ({string.Join(", ", parts)}). " +
            "Les probabilités d'appartenance seraient 0 ou 1 et les poids infinis : regroupez les modalités rares ou retirez la variable en cause.");
    }
}
