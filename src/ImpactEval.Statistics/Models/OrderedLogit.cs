using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Proportional-odds (ordered logit) regression by maximum likelihood, as R's
/// <c>MASS::polr(method = "logistic")</c> and <c>ordinal::clm(link = "logit")</c>:
/// logit P(Y ≤ k | x) = ζ_k − x·β. Standard errors come from the observed information (the
/// analytic Hessian, as <c>clm</c>; <c>polr</c> uses a finite-difference Hessian that agrees to
/// about 1e-5). Confidence intervals are Wald intervals (<c>confint.default</c>), not polr's
/// profile-likelihood intervals.
/// </summary>
/// <remarks>
/// Typical use: a 4-level teacher rating at follow-up, with the baseline rating as a covariate and
/// the group as indicators (<see cref="Predictor.Indicators"/>). A level that no observation takes
/// makes two thresholds equal (not estimable): the method refuses with a French message and asks
/// to merge levels. Separation (e.g. a group observed only in the top level) is detected exactly
/// before fitting (same linear-programming test as <see cref="LogisticRegression"/>) and also
/// refused. Rows with a missing outcome, predictor or weight are dropped.
/// </remarks>
public static class OrderedLogit
{
    private const string Method = "Ordered logit (proportional odds, ML), observed-information SE";
    private const string OddsMethod = "Cumulative odds ratio exp(b), Wald CI exponentiated";

    /// <summary>Fits the proportional-odds model.</summary>
    /// <param name="outcome">Level code per observation, 0 (lowest) … levels.Count − 1; a negative code is missing.</param>
    /// <param name="levels">Ordered level labels, lowest first (at least 2).</param>
    /// <param name="predictors">Predictor columns (no intercept: the thresholds replace it).</param>
    /// <param name="weights">Optional non-negative case weights (as <c>polr(weights = )</c>); empty for none. SEs then treat them as frequency weights.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="maxIterations">Maximum Newton iterations.</param>
    /// <param name="clusters">Optional cluster (e.g. school) of each observation; when given, the result also carries
    /// CR1 cluster-robust coefficients (<see cref="ClusterSandwich"/>). Empty for none.</param>
    /// <param name="sandwich">The sandwich of <see cref="OrderedLogitResult.SandwichCoefficients"/> and
    /// <see cref="OrderedLogitResult.SandwichThresholds"/>: CR0 or CR1 with <paramref name="clusters"/>, HC0 or HC1 without;
    /// null for CR1 when clusters are given, none otherwise.</param>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 levels, a code ≥ levels.Count, a negative weight, or a cluster-robust sandwich without clusters.</exception>
    /// <exception cref="StatisticsException">No usable observation, a level never observed, separation, no convergence, or a single cluster.</exception>
    public static OrderedLogitResult Fit(
        ReadOnlySpan<int> outcome,
        IReadOnlyList<string> levels,
        IReadOnlyList<Predictor> predictors,
        ReadOnlySpan<double> weights = default,
        double level = 0.95,
        int maxIterations = 200,
        ReadOnlySpan<int> clusters = default,
        SandwichEstimator? sandwich = null)
    {
        var sandwichType = ClusterSandwich.Resolve(sandwich, !clusters.IsEmpty);
        if (!clusters.IsEmpty && clusters.Length != outcome.Length)
            throw new ArgumentException($"clusters has {clusters.Length} values, the outcome has {outcome.Length}.", nameof(clusters));
        ArgumentNullException.ThrowIfNull(levels);
        ConfidenceInterval.CheckLevel(level);
        var kLevels = levels.Count;
        if (kLevels < 2) throw new ArgumentException("An ordered outcome needs at least 2 levels.", nameof(levels));
        // Rank is decided with an intercept (the thresholds absorb it), which is then dropped.
        var (withIntercept, y, counts) = ModelDesign.ForCategoricalOutcome(outcome, kLevels, nameof(outcome), predictors, weights);
        var n = withIntercept.N;
        var pAll = withIntercept.P;
        if (withIntercept.Kept.Length == 0 || withIntercept.Kept[0] != 0)
            throw new StatisticsException("Aucune observation complète (réponse et variables renseignées) : le modèle ordinal ne peut pas être estimé.");
        var p = pAll - 1;
        var x = new double[n * p];
        for (var r = 0; r < n; r++)
            for (var a = 0; a < p; a++) x[r * p + a] = withIntercept.X[r * pAll + a + 1];
        var w = withIntercept.Weights;
        var nPos = withIntercept.PositiveWeightCount();
        if (nPos == 0)
            throw new StatisticsException("Aucune observation complète (réponse et variables renseignées, poids positif) : le modèle ordinal ne peut pas être estimé.");
        for (var k = 0; k < kLevels; k++)
            if (counts[k] == 0)
                throw new StatisticsException(
                    $"Le niveau « {levels[k]} » n'est jamais observé : les seuils qui l'entourent ne sont pas estimables. " +
                    "Regroupez ce niveau avec un niveau voisin avant l'analyse.");

        var q = kLevels - 1 + p;
        CheckSeparation(x, y, w, n, p, kLevels, withIntercept, levels);

        // Start: beta = 0, thresholds at the logits of the cumulative proportions.
        var theta = new double[q];
        var total = counts.Sum();
        var cum = 0.0;
        for (var k = 0; k < kLevels - 1; k++)
        {
            cum += counts[k];
            var pr = cum / total;
            theta[k] = Math.Log(pr / (1 - pr));
        }
        var (iterations, converged, ll) = NewtonRaphson.Maximize(theta,
            (t, gradient, hessian) => LogLikelihood(t, x, y, w, n, p, kLevels, gradient, hessian),
            (information, gradient) => SolveDamped(information, gradient, q),
            candidate => Ordered(candidate, kLevels), maxIterations);
        if (!converged)
            throw new StatisticsException($"L'ajustement du modèle ordinal n'a pas convergé en {FrenchFormat.Count(maxIterations)} itérations : vérifiez les niveaux rares et les variables.");

        var grad = new double[q];
        var hess = new double[q * q];
        var scores = sandwichType is null ? null : new double[n * q];
        LogLikelihood(theta, x, y, w, n, p, kLevels, grad, hess, scores);
        var info = new double[q * q];
        for (var i = 0; i < q * q; i++) info[i] = -hess[i];
        DenseKernels.MirrorRowMajorLower(info, q);
        var cov = DenseKernels.TryInverseSpd(info, q)
            ?? throw new StatisticsException("La matrice d'information du modèle ordinal est singulière : le modèle ne peut pas être estimé.");

        double[]? clusterCov = null;
        var clusterCount = 0;
        if (scores is not null) (clusterCov, clusterCount) = ClusterSandwich.Compute(scores, clusters, withIntercept.Rows, cov, nPos, q, sandwichType!.Value);
        var robustDf = sandwichType is { } kind ? ClusterSandwich.DegreesOfFreedom(kind, clusterCount) : double.NaN;

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (withIntercept.InfiniteValuesWarning is { } infinite) warnings.Add(infinite);
        var thresholds = ImmutableArray.CreateBuilder<Estimate>(kLevels - 1);
        for (var k = 0; k < kLevels - 1; k++)
            thresholds.Add(Estimate.FromStandardError($"{levels[k]}|{levels[k + 1]}", theta[k], Math.Sqrt(cov[k * q + k]), double.PositiveInfinity, level, Method, nPos, []));
        var coefs = ImmutableArray.CreateBuilder<Estimate>(predictors.Count);
        var odds = ImmutableArray.CreateBuilder<Estimate>(predictors.Count);
        var robust = ImmutableArray.CreateBuilder<Estimate>(predictors.Count);
        var robustMethod = sandwichType is { } named ? ClusterSandwich.Method("Ordered logit (proportional odds, ML)", named, clusterCount) : "";
        var robustThresholds = ImmutableArray.CreateBuilder<Estimate>(kLevels - 1);
        if (clusterCov is not null)
            for (var k = 0; k < kLevels - 1; k++)
                robustThresholds.Add(Estimate.FromStandardError($"{levels[k]}|{levels[k + 1]}", theta[k], Math.Sqrt(clusterCov[k * q + k]), robustDf, level, robustMethod, nPos, []));
        var col = 0;
        for (var j = 1; j < withIntercept.Names.Length; j++)
        {
            var term = withIntercept.Names[j];
            if (withIntercept.Aliased[j])
            {
                warnings.Add(Estimate.CollinearWarning(term));
                coefs.Add(Estimate.Collinear(term, level, Method, nPos));
                odds.Add(Estimate.Collinear(term, level, OddsMethod, nPos));
                if (clusterCov is not null) robust.Add(Estimate.Collinear(term, level, robustMethod, nPos));
                continue;
            }
            var idx = kLevels - 1 + col;
            var e = Estimate.FromStandardError(term, theta[idx], Math.Sqrt(cov[idx * q + idx]), double.PositiveInfinity, level, Method, nPos, []);
            coefs.Add(e);
            odds.Add(OddsRatio.FromLogOdds(e, OddsMethod));
            if (clusterCov is not null)
                robust.Add(Estimate.FromStandardError(term, theta[idx], Math.Sqrt(clusterCov[idx * q + idx]), robustDf, level, robustMethod, nPos, []));
            col++;
        }
        var deviance = -2 * ll;
        var clusterRobust = robust.ToImmutable();
        return new OrderedLogitResult(levels.ToImmutableArray(), thresholds.MoveToImmutable(), coefs.MoveToImmutable(), odds.MoveToImmutable(),
            deviance, deviance + 2 * q, iterations, nPos, warnings.ToImmutable())
        {
            Sandwich = sandwichType,
            SandwichCoefficients = clusterRobust,
            SandwichOddsRatios = [.. clusterRobust.Select(e => OddsRatio.FromLogOdds(e, $"{OddsMethod}; {robustMethod}"))],
            SandwichThresholds = robustThresholds.ToImmutable(),
        };
    }

    internal static double Logistic(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));

    private static bool Ordered(double[] theta, int kLevels)
    {
        for (var k = 1; k < kLevels - 1; k++)
            if (!(theta[k] > theta[k - 1])) return false;
        return true;
    }

    /// <summary>Solves H δ = g for a symmetric H (row-major lower triangle read), adding a ridge when H is not positive definite.</summary>
    private static double[] SolveDamped(double[] h, double[] g, int q)
    {
        DenseKernels.MirrorRowMajorLower(h, q);
        var ridge = 0.0;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var l = (double[])h.Clone();
            for (var i = 0; i < q; i++) l[i * q + i] += ridge;
            var step = (double[])g.Clone();
            if (DenseKernels.CholeskySolve(l, q, step, 0)) return step;
            ridge = ridge == 0 ? 1e-8 : ridge * 10;
        }
        throw new StatisticsException("La matrice d'information du modèle ordinal est singulière : le modèle ne peut pas être estimé.");
    }

    /// <summary>
    /// Weighted log-likelihood; fills the gradient and Hessian (with respect to ζ then β) when given, and each observation's
    /// own gradient (row-major n × q, for the cluster sandwich) when <paramref name="rowScores"/> is given with the gradient.
    /// </summary>
    private static double LogLikelihood(double[] theta, double[] x, int[] y, double[] w, int n, int p, int kLevels, double[]? grad, double[]? hess,
        double[]? rowScores = null)
    {
        var q = kLevels - 1 + p;
        if (grad is not null) Array.Clear(grad);
        if (hess is not null) Array.Clear(hess);
        var ll = 0.0;
        for (var r = 0; r < n; r++)
        {
            if (w[r] == 0) continue;
            var eta = 0.0;
            for (var a = 0; a < p; a++) eta += x[r * p + a] * theta[kLevels - 1 + a];
            var k = y[r];
            var hasUp = k < kLevels - 1;
            var hasLo = k > 0;
            var ua = hasUp ? theta[k] - eta : double.PositiveInfinity;
            var lb = hasLo ? theta[k - 1] - eta : double.NegativeInfinity;
            double prob;
            if (!hasLo) prob = Logistic(ua);
            else if (!hasUp) prob = Logistic(-lb);
            else if (lb > 0) prob = Logistic(-lb) - Logistic(-ua);
            else prob = Logistic(ua) - Logistic(lb);
            ll += w[r] * Math.Log(prob);
            if (grad is null) continue;
            double fa = 0, fb = 0, ga = 0, gb = 0;
            if (hasUp) { var fA = Logistic(ua); fa = fA * (1 - fA); ga = fa * (1 - 2 * fA); }
            if (hasLo) { var fB = Logistic(lb); fb = fB * (1 - fB); gb = fb * (1 - 2 * fB); }
            var d = fa - fb;
            var wr = w[r];
            var up = k;
            var lo = k - 1;
            var sUp = hasUp ? wr * fa / prob : 0;
            var sLo = hasLo ? -wr * fb / prob : 0;
            if (hasUp) grad[up] += sUp;
            if (hasLo) grad[lo] += sLo;
            for (var a = 0; a < p; a++) grad[kLevels - 1 + a] -= wr * x[r * p + a] * d / prob;
            if (rowScores is not null)
            {
                if (hasUp) rowScores[r * q + up] = sUp;
                if (hasLo) rowScores[r * q + lo] = sLo;
                for (var a = 0; a < p; a++) rowScores[r * q + kLevels - 1 + a] = -wr * x[r * p + a] * d / prob;
            }
            if (hess is null) continue;
            var p2 = prob * prob;
            if (hasUp) hess[up * q + up] += wr * (ga / prob - fa * fa / p2);
            if (hasLo) hess[lo * q + lo] += wr * (-gb / prob - fb * fb / p2);
            if (hasUp && hasLo)
            {
                hess[up * q + lo] += wr * fa * fb / p2;
                hess[lo * q + up] += wr * fa * fb / p2;
            }
            var cUp = -(ga / prob - fa * d / p2);
            var cLo = -(-gb / prob + fb * d / p2);
            var cBB = (ga - gb) / prob - d * d / p2;
            for (var a = 0; a < p; a++)
            {
                var xa = x[r * p + a];
                var ia = kLevels - 1 + a;
                if (hasUp) { hess[up * q + ia] += wr * cUp * xa; hess[ia * q + up] += wr * cUp * xa; }
                if (hasLo) { hess[lo * q + ia] += wr * cLo * xa; hess[ia * q + lo] += wr * cLo * xa; }
                for (var b = 0; b < p; b++) hess[ia * q + kLevels - 1 + b] += wr * cBB * xa * x[r * p + b];
            }
        }
        return ll;
    }

    /// <summary>
    /// Exact existence test: a direction (dζ, dβ) along which every observation's probability is
    /// non-decreasing means the likelihood has no maximum. Observation i in level k contributes the
    /// rows dζ_k − x·dβ ≥ 0 (k below the top) and −dζ_{k−1} + x·dβ ≥ 0 (k above the bottom).
    /// </summary>
    private static void CheckSeparation(double[] x, int[] y, double[] w, int n, int p, int kLevels, ModelDesign design, IReadOnlyList<string> levels)
    {
        var d = kLevels - 1 + p;
        var rows = new List<double>();
        var m = 0;
        for (var r = 0; r < n; r++)
        {
            if (w[r] <= 0) continue;
            var k = y[r];
            if (k < kLevels - 1)
            {
                var row = new double[d];
                row[k] = 1;
                for (var a = 0; a < p; a++) row[kLevels - 1 + a] = -x[r * p + a];
                rows.AddRange(row);
                m++;
            }
            if (k > 0)
            {
                var row = new double[d];
                row[k - 1] = -1;
                for (var a = 0; a < p; a++) row[kLevels - 1 + a] = x[r * p + a];
                rows.AddRange(row);
                m++;
            }
        }
        var a0 = rows.ToArray();
        var direction = RecessionCone.FindDirection(a0, m, d);
        if (direction is null) return;
        var involved = RecessionCone.Involved(direction, a0, m, d);
        var terms = involved.Where(j => j >= kLevels - 1).Select(j => design.Names[design.Kept[j - (kLevels - 1) + 1]]).ToList();
        var cuts = involved.Where(j => j < kLevels - 1).Select(j => $"{levels[j]}|{levels[j + 1]}").ToList();
        var which = terms.Count > 0 ? string.Join(", ", terms.Select(t => $"« {t} »")) : "les seuils " + string.Join(", ", cuts);
        throw new StatisticsException(
            $"Séparation : {which} classe(nt) parfaitement certaines observations dans les niveaux extrêmes ; " +
            "l'estimateur du maximum de vraisemblance n'existe pas. Regroupez des niveaux ou des modalités rares, ou retirez la variable en cause.");
    }
}
