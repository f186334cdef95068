using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Logistic regression by iteratively reweighted least squares, following R's
/// <c>glm(family = binomial)</c> (<c>glm.fit</c>): same starting values, same deviance-based
/// convergence criterion, same reporting of aliased terms.
/// </summary>
/// <remarks>
/// <para>Separation policy: before iterating, an exact linear-programming test (see
/// <c>RecessionCone</c>; Konis 2007, R's <c>detectseparation</c>) checks whether the maximum-likelihood
/// estimate exists. If the data are completely or quasi-completely separated, the method throws a
/// <see cref="StatisticsException"/> naming the terms involved, instead of returning the huge,
/// meaningless coefficients and standard errors R prints with "fitted probabilities numerically 0
/// or 1 occurred". Alternatives for the caller: merge sparse categories, drop the separating term,
/// or use a penalised (Firth) model.</para>
/// <para>Rows with a missing outcome, predictor or weight (NaN) are dropped; zero-weight rows are
/// kept in the fitted values but contribute nothing.</para>
/// </remarks>
public static class LogisticRegression
{
    private const string ModelMethod = "Logistic regression (ML, IRLS), model-based SE";
    private const string RobustMethod = "Logistic regression (ML, IRLS), HC0 sandwich SE";
    private const string OddsMethod = "Odds ratio exp(b), Wald CI exponentiated";

    /// <summary>Fits P(y = 1 | x) = logit⁻¹(b₀ + x·b) by maximum likelihood.</summary>
    /// <param name="outcome">0/1 outcome per observation; NaN when missing.</param>
    /// <param name="predictors">Predictor columns (an intercept is added); use <see cref="Predictor.Indicators"/> for factors.</param>
    /// <param name="weights">Optional non-negative prior (case) weights, as <c>glm(weights = )</c>; empty for none.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="tolerance">Convergence when |dev − dev_old| / (|dev| + 0.1) &lt; tolerance (R's <c>glm.control(epsilon)</c>; R's default is 1e-8, ours is tighter).</param>
    /// <param name="maxIterations">Maximum IRLS iterations (R's <c>maxit</c>).</param>
    /// <param name="clusters">Optional cluster (e.g. school) of each observation; when given, the result also carries
    /// CR1 cluster-robust coefficients (<see cref="ClusterSandwich"/>). Empty for none.</param>
    /// <param name="sandwich">The sandwich of <see cref="LogisticRegressionResult.SandwichCoefficients"/>: CR0 or CR1 with
    /// <paramref name="clusters"/>, HC0 or HC1 without; null for CR1 when clusters are given, none otherwise.</param>
    /// <exception cref="ArgumentException">Array lengths differ, an outcome is not 0, 1 or NaN, a weight is negative, or a cluster-robust sandwich without clusters.</exception>
    /// <exception cref="StatisticsException">No usable observation, a constant outcome, separation, no convergence, or a single cluster.</exception>
    public static LogisticRegressionResult Fit(
        ReadOnlySpan<double> outcome,
        IReadOnlyList<Predictor> predictors,
        ReadOnlySpan<double> weights = default,
        double level = 0.95,
        double tolerance = 1e-12,
        int maxIterations = 100,
        ReadOnlySpan<int> clusters = default,
        SandwichEstimator? sandwich = null)
    {
        var sandwichType = ClusterSandwich.Resolve(sandwich, !clusters.IsEmpty);
        if (!clusters.IsEmpty && clusters.Length != outcome.Length)
            throw new ArgumentException($"clusters has {clusters.Length} values, the outcome has {outcome.Length}.", nameof(clusters));
        ConfidenceInterval.CheckLevel(level);
        var n0 = outcome.Length;
        var usable = new bool[n0];
        for (var i = 0; i < n0; i++)
        {
            var y = outcome[i];
            if (double.IsNaN(y)) continue;
            if (y != 0 && y != 1) throw new ArgumentException($"Outcome at row {i} is {y}; a logistic outcome must be 0, 1 or NaN.", nameof(outcome));
            usable[i] = true;
        }
        var design = ModelDesign.Build(predictors, usable, weights, intercept: true);
        var n = design.N;
        var p = design.P;
        var x = design.X;
        var w = design.Weights;
        var nPos = design.PositiveWeightCount();
        if (nPos == 0)
            throw new StatisticsException("Aucune observation complète (réponse, variables et poids renseignés, poids positif) : le modèle logistique ne peut pas être estimé.");
        var yv = new double[n];
        double sumW = 0, sumWy = 0;
        for (var r = 0; r < n; r++)
        {
            yv[r] = outcome[design.Rows[r]];
            sumW += w[r];
            sumWy += w[r] * yv[r];
        }
        if (sumWy == 0 || sumWy == sumW)
            throw new StatisticsException($"La variable réponse est constante (toutes les observations valent {(sumWy == 0 ? 0 : 1)}) : le modèle logistique ne peut pas être estimé.");

        CheckSeparation(design, yv);

        // IRLS as glm.fit: mustart = (w·y + 0.5)/(w + 1), eta = logit(mustart).
        var eta = new double[n];
        var mu = new double[n];
        for (var r = 0; r < n; r++)
        {
            var ms = (w[r] * yv[r] + 0.5) / (w[r] + 1);
            eta[r] = Math.Log(ms / (1 - ms));
            mu[r] = ms;
        }
        var devOld = Deviance(yv, mu, w);
        var beta = new double[p];
        var xtwx = new double[p * p];
        var xtwz = new double[p];
        var converged = false;
        var iterations = 0;
        double dev = devOld;
        for (var iter = 1; iter <= maxIterations; iter++)
        {
            iterations = iter;
            Array.Clear(xtwx);
            Array.Clear(xtwz);
            for (var r = 0; r < n; r++)
            {
                if (w[r] == 0) continue;
                var v = mu[r] * (1 - mu[r]);
                var ww = w[r] * v;
                var z = eta[r] + (yv[r] - mu[r]) / v;
                var row = r * p;
                for (var a = 0; a < p; a++)
                {
                    var xa = x[row + a] * ww;
                    xtwz[a] += xa * z;
                    for (var b = 0; b <= a; b++) xtwx[a * p + b] += xa * x[row + b];
                }
            }
            DenseKernels.MirrorRowMajorLower(xtwx, p);
            var newBeta = (double[])xtwz.Clone();
            if (!DenseKernels.CholeskySolve((double[])xtwx.Clone(), p, newBeta, 0))
                throw new StatisticsException("La matrice d'information du modèle logistique est singulière : le modèle ne peut pas être estimé.");
            UpdateLinearPredictor(x, newBeta, n, p, eta, mu);
            dev = Deviance(yv, mu, w);
            // Step-halving if the deviance is not finite or increases markedly (glm.fit halves only for non-finite deviance).
            var halvings = 0;
            while ((!double.IsFinite(dev) || dev > devOld * (1 + 1e-7) + 1e-7) && halvings < 30 && iter > 1)
            {
                for (var a = 0; a < p; a++) newBeta[a] = 0.5 * (newBeta[a] + beta[a]);
                UpdateLinearPredictor(x, newBeta, n, p, eta, mu);
                dev = Deviance(yv, mu, w);
                halvings++;
            }
            beta = newBeta;
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < tolerance)
            {
                converged = true;
                break;
            }
            devOld = dev;
        }
        if (!converged)
            throw new StatisticsException($"L'ajustement du modèle logistique n'a pas convergé en {FrenchFormat.Count(maxIterations)} itérations : vérifiez les variables (valeurs extrêmes, modalités rares).");

        // Information and sandwich at the final estimate.
        Array.Clear(xtwx);
        var meat = new double[p * p];
        for (var r = 0; r < n; r++)
        {
            if (w[r] == 0) continue;
            var ww = w[r] * mu[r] * (1 - mu[r]);
            var s = w[r] * (yv[r] - mu[r]);
            var row = r * p;
            for (var a = 0; a < p; a++)
                for (var b = 0; b <= a; b++)
                {
                    xtwx[a * p + b] += ww * x[row + a] * x[row + b];
                    meat[a * p + b] += s * s * x[row + a] * x[row + b];
                }
        }
        DenseKernels.MirrorRowMajorLower(xtwx, p);
        DenseKernels.MirrorRowMajorLower(meat, p);
        var cov = DenseKernels.TryInverseSpd(xtwx, p)
            ?? throw new StatisticsException("La matrice d'information du modèle logistique est singulière : le modèle ne peut pas être estimé.");
        var hc0 = Sandwich(cov, meat, p);
        double[]? clusterCov = null;
        var clusterCount = 0;
        if (sandwichType is { } chosen)
        {
            var scores = new double[n * p];
            for (var r = 0; r < n; r++)
            {
                var sr = w[r] * (yv[r] - mu[r]);
                for (var a = 0; a < p; a++) scores[r * p + a] = sr * x[r * p + a];
            }
            (clusterCov, clusterCount) = ClusterSandwich.Compute(scores, clusters, design.Rows, cov, nPos, p, chosen);
        }
        var clusterMethod = sandwichType is { } named ? ClusterSandwich.Method("Logistic regression (ML, IRLS)", named, clusterCount) : "";
        var clusterDf = sandwichType is { } kind ? ClusterSandwich.DegreesOfFreedom(kind, clusterCount) : double.NaN;
        var clusterRobust = ImmutableArray.CreateBuilder<Estimate>(design.Names.Length);

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (design.InfiniteValuesWarning is { } infinite) warnings.Add(infinite);
        var nonInteger = false;
        foreach (var wt in w) if (wt != Math.Floor(wt)) { nonInteger = true; break; }
        if (nonInteger) warnings.Add("Les poids ne sont pas entiers : l'AIC (calculé comme dans R) n'a pas d'interprétation directe.");

        var model = ImmutableArray.CreateBuilder<Estimate>(design.Names.Length);
        var robust = ImmutableArray.CreateBuilder<Estimate>(design.Names.Length);
        var odds = ImmutableArray.CreateBuilder<Estimate>(design.Names.Length);
        var k = 0;
        for (var j = 0; j < design.Names.Length; j++)
        {
            var term = design.Names[j];
            if (design.Aliased[j])
            {
                warnings.Add(Estimate.CollinearWarning(term));
                model.Add(Estimate.Collinear(term, level, ModelMethod, nPos));
                robust.Add(Estimate.Collinear(term, level, RobustMethod, nPos));
                odds.Add(Estimate.Collinear(term, level, OddsMethod, nPos));
                if (clusterCov is not null) clusterRobust.Add(Estimate.Collinear(term, level, clusterMethod, nPos));
                continue;
            }
            var m = Estimate.FromStandardError(term, beta[k], Math.Sqrt(cov[k * p + k]), double.PositiveInfinity, level, ModelMethod, nPos, []);
            model.Add(m);
            robust.Add(Estimate.FromStandardError(term, beta[k], Math.Sqrt(hc0[k * p + k]), double.PositiveInfinity, level, RobustMethod, nPos, []));
            odds.Add(OddsRatio.FromLogOdds(m, OddsMethod));
            if (clusterCov is not null)
                clusterRobust.Add(Estimate.FromStandardError(term, beta[k], Math.Sqrt(clusterCov[k * p + k]), clusterDf, level, clusterMethod, nPos, []));
            k++;
        }

        var fitted = new double[n0];
        Array.Fill(fitted, double.NaN);
        for (var r = 0; r < n; r++) fitted[design.Rows[r]] = mu[r];

        var mu0 = sumWy / sumW;
        var nullDev = 0.0;
        for (var r = 0; r < n; r++) nullDev += UnitDeviance(yv[r], mu0, w[r]);
        var aic = 0.0;
        for (var r = 0; r < n; r++)
        {
            if (w[r] <= 0) continue;
            var m = Math.Round(w[r], MidpointRounding.ToEven);
            if (m == 0) continue;
            aic += -2 * m * (yv[r] == 1 ? Math.Log(mu[r]) : Math.Log(1 - mu[r]));
        }
        aic += 2 * p;

        var clustered = clusterRobust.ToImmutable();
        return new LogisticRegressionResult(model.MoveToImmutable(), robust.MoveToImmutable(), odds.MoveToImmutable(),
            dev, nullDev, aic, iterations, p, nPos, ImmutableArray.Create(fitted), warnings.ToImmutable())
        {
            Sandwich = sandwichType,
            SandwichCoefficients = clustered,
            SandwichOddsRatios = [.. clustered.Select(e => OddsRatio.FromLogOdds(e, $"{OddsMethod}; {clusterMethod}"))],
        };
    }

    private static void CheckSeparation(ModelDesign design, double[] y)
    {
        var p = design.P;
        var rows = new List<double>();
        var m = 0;
        for (var r = 0; r < design.N; r++)
        {
            if (design.Weights[r] <= 0) continue;
            var s = 2 * y[r] - 1;
            for (var a = 0; a < p; a++) rows.Add(s * design.X[r * p + a]);
            m++;
        }
        var a0 = rows.ToArray();
        var direction = RecessionCone.FindDirection(a0, m, p);
        if (direction is null) return;
        var involved = RecessionCone.Involved(direction, a0, m, p);
        var terms = involved.Select(j => design.Names[design.Kept[j]]).Where(t => t != "(Intercept)").ToList();
        var strict = RecessionCone.StrictRows(direction, a0, m, p);
        var which = terms.Count == 0 ? "la constante" : string.Join(", ", terms.Select(t => $"« {t} »"));
        throw new StatisticsException(
            $"Séparation (complète ou quasi complète) : la combinaison de {which} prédit parfaitement la réponse pour {FrenchFormat.Count(strict)} observation(s). " +
            "L'estimateur du maximum de vraisemblance n'existe pas (R afficherait des coefficients et des erreurs-types démesurés). " +
            "Regroupez les modalités rares, retirez la variable en cause ou utilisez un modèle pénalisé (Firth).");
    }

    internal static void UpdateLinearPredictor(double[] x, double[] beta, int n, int p, double[] eta, double[] mu)
    {
        for (var r = 0; r < n; r++)
        {
            var s = 0.0;
            for (var a = 0; a < p; a++) s += x[r * p + a] * beta[a];
            eta[r] = s;
            mu[r] = InverseLogit(s);
        }
    }

    internal static double InverseLogit(double eta)
    {
        // R's binomial()$linkinv clamps to [eps, 1 − eps] with eps = DBL_EPSILON.
        const double thresh = 30.0;
        var e = eta < -thresh ? double.Epsilon : eta > thresh ? 1 / double.Epsilon : Math.Exp(eta);
        var mu = e / (1 + e);
        const double eps = 2.220446049250313e-16;
        return Math.Min(Math.Max(mu, eps), 1 - eps);
    }

    private static double Deviance(double[] y, double[] mu, double[] w)
    {
        var d = 0.0;
        for (var r = 0; r < y.Length; r++) d += UnitDeviance(y[r], mu[r], w[r]);
        return d;
    }

    private static double UnitDeviance(double y, double mu, double w) =>
        w == 0 ? 0 : -2 * w * (y == 1 ? Math.Log(mu) : Math.Log(1 - mu));

    internal static double[] Sandwich(double[] bread, double[] meat, int p)
    {
        var tmp = new double[p * p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
            {
                var s = 0.0;
                for (var k = 0; k < p; k++) s += bread[i * p + k] * meat[k * p + j];
                tmp[i * p + j] = s;
            }
        var v = new double[p * p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
            {
                var s = 0.0;
                for (var k = 0; k < p; k++) s += tmp[i * p + k] * bread[k * p + j];
                v[i * p + j] = s;
            }
        return v;
    }
}
