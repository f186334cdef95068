using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Meta-analysis of one effect per study (e.g. the impact estimate of each cité) with known sampling
/// variances: equal-effects, DerSimonian–Laird and REML random-effects models, as <c>metafor::rma</c>.
/// </summary>
/// <remarks>
/// Follows metafor 3.8 (<c>rma.uni</c>, intercept-only model) step by step: inverse-variance weights
/// wᵢ = 1 / (vᵢ + τ²); Cochran's Q, I² and H² from the equal-effects weights; DL τ² =
/// max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)); REML τ² by metafor's Fisher scoring started at the
/// Hedges estimate max(0, var(y) − mean(v)), with step halving at the zero bound, run to a change below
/// 1e-12, and metafor's check that τ² = 0 does not have a higher restricted likelihood;
/// SE(τ²) as metafor; Knapp–Hartung variance factor and t on k − 1 df; the prediction interval of
/// <c>predict.rma</c> (default <c>pi.type</c>). Studies whose effect or variance is NaN are dropped
/// (reported in the warnings and with weight 0); at least two must remain. Variances must be
/// positive and finite.
/// </remarks>
public static class MetaAnalysis
{
    private const double ReMLThreshold = 1e-12;
    private const int MaxIterations = 1000;

    /// <summary>Equal-effects (common-effect, "fixed-effect") meta-analysis, as <c>rma(yi, vi, method = "EE")</c>.</summary>
    /// <param name="effects">Effect of each study (any scale: standardised difference, log ratio…).</param>
    /// <param name="variances">Sampling variance of each effect (SE²), positive.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="StatisticsException">Fewer than two usable studies, or a non-positive variance.</exception>
    public static MetaAnalysisResult EqualEffects(ReadOnlySpan<double> effects, ReadOnlySpan<double> variances, double level = 0.95) =>
        Fit(effects, variances, "EE", MetaAnalysisTest.Normal, level);

    /// <summary>Random-effects meta-analysis with the DerSimonian–Laird τ², as <c>rma(yi, vi, method = "DL", test = …)</c>.</summary>
    /// <param name="effects">Effect of each study.</param>
    /// <param name="variances">Sampling variance of each effect (SE²), positive.</param>
    /// <param name="test">Normal (z) or Knapp–Hartung inference for the pooled effect.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="StatisticsException">Fewer than two usable studies, or a non-positive variance.</exception>
    public static MetaAnalysisResult DerSimonianLaird(ReadOnlySpan<double> effects, ReadOnlySpan<double> variances,
        MetaAnalysisTest test = MetaAnalysisTest.Normal, double level = 0.95) =>
        Fit(effects, variances, "DL", test, level);

    /// <summary>Random-effects meta-analysis with the REML τ² (Fisher scoring), as <c>rma(yi, vi, method = "REML", test = …)</c>.</summary>
    /// <param name="effects">Effect of each study.</param>
    /// <param name="variances">Sampling variance of each effect (SE²), positive.</param>
    /// <param name="test">Normal (z) or Knapp–Hartung inference for the pooled effect.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="StatisticsException">Fewer than two usable studies, a non-positive variance, or no convergence.</exception>
    public static MetaAnalysisResult RestrictedMaximumLikelihood(ReadOnlySpan<double> effects, ReadOnlySpan<double> variances,
        MetaAnalysisTest test = MetaAnalysisTest.Normal, double level = 0.95) =>
        Fit(effects, variances, "REML", test, level);

    /// <summary>
    /// REML random-effects pooling of per-study estimates on an additive scale (value and standard error
    /// of each): mean differences, standardised differences, risk differences, or log ratios.
    /// </summary>
    /// <param name="estimates">
    /// One estimate per study; its <see cref="Estimate.Value"/> is the effect and its
    /// <see cref="Estimate.StandardError"/> squared the sampling variance, so both must be on the scale
    /// where effects add up. A not-estimable row (NaN) is dropped with a warning.
    /// </param>
    /// <param name="test">Normal (z) or Knapp–Hartung inference for the pooled effect.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="StatisticsException">
    /// A row is a ratio (odds, risk, hazard or rate ratio, named so by its method or term: pool those with
    /// <see cref="RestrictedMaximumLikelihoodOfRatios"/>), fewer than two usable studies, or a
    /// non-positive standard error.
    /// </exception>
    /// <remarks>
    /// Ratios are refused because their value is on the multiplicative scale and their standard error on
    /// either scale (<see cref="BinaryContrasts.WoolfOddsRatio"/> reports that of log OR, the odds ratios of
    /// <see cref="LogisticRegression"/> a delta-method SE of OR): pooling them as they are would average
    /// ratios with the wrong weights. A ratio is recognised by "odds ratio", "risk ratio", "hazard ratio"
    /// or "rate ratio" (in any case, with a space or an underscore) in its method or term, unless preceded
    /// by "log".
    /// </remarks>
    public static MetaAnalysisResult RestrictedMaximumLikelihood(IReadOnlyList<Estimate> estimates,
        MetaAnalysisTest test = MetaAnalysisTest.Normal, double level = 0.95) =>
        OfEstimates(estimates, "REML", test, level);

    /// <summary>
    /// DerSimonian–Laird random-effects pooling of per-study estimates on an additive scale, as
    /// <see cref="RestrictedMaximumLikelihood(IReadOnlyList{Estimate}, MetaAnalysisTest, double)"/> with the DL τ².
    /// </summary>
    /// <param name="estimates">One estimate per study (value and standard error on the additive scale).</param>
    /// <param name="test">Normal (z) or Knapp–Hartung inference for the pooled effect.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <exception cref="StatisticsException">As the REML overload.</exception>
    public static MetaAnalysisResult DerSimonianLaird(IReadOnlyList<Estimate> estimates,
        MetaAnalysisTest test = MetaAnalysisTest.Normal, double level = 0.95) =>
        OfEstimates(estimates, "DL", test, level);

    private static MetaAnalysisResult OfEstimates(IReadOnlyList<Estimate> estimates, string model, MetaAnalysisTest test, double level)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var y = new double[estimates.Count];
        var v = new double[estimates.Count];
        for (var i = 0; i < y.Length; i++)
        {
            var e = estimates[i] ?? throw new ArgumentNullException(nameof(estimates), $"Estimate {i} is null.");
            if (IsRatio(e))
            {
                throw new StatisticsException(
                    $"L'estimation de l'étude n° {i + 1} (« {e.Term} ») est un rapport (de cotes, de risques…) : sa valeur n'est pas sur une échelle additive et ne peut pas être combinée telle quelle. Combinez les rapports sur l'échelle logarithmique (méta-analyse de rapports).");
            }
            y[i] = e.Value;
            v[i] = e.StandardError * e.StandardError;
        }
        return Fit(y, v, model, test, level);
    }

    /// <summary>
    /// REML random-effects pooling of per-study ratios (odds, risk, hazard or rate ratios): log(ratio) is
    /// pooled with its standard error taken from the confidence interval, and the pooled ratio is
    /// returned, as <c>rma(yi = log(ratio), sei = log(upper / lower) / (2 q), method = "REML")</c> read
    /// through <c>predict(…, transf = exp)</c>.
    /// </summary>
    /// <param name="ratios">
    /// One ratio per study (e.g. <see cref="BinaryContrasts.WoolfOddsRatio"/>, <see cref="BinaryContrasts.KatzRiskRatio"/>,
    /// or <see cref="LogisticRegressionResult.OddsRatios"/> rows): a positive <see cref="Estimate.Value"/> and a
    /// confidence interval with positive finite bounds. Only the value, the interval and its df are read;
    /// a not-estimable row (NaN value) is dropped with a warning.
    /// </param>
    /// <param name="test">Normal (z) or Knapp–Hartung inference for the pooled log ratio.</param>
    /// <param name="level">Confidence level in (0, 1) of the pooled interval.</param>
    /// <returns>
    /// The result with <see cref="MetaAnalysisResult.Pooled"/> and <see cref="MetaAnalysisResult.PredictionInterval"/>
    /// on the ratio scale (value exp(μ̂), interval exp of the log-scale interval; standard error, statistic,
    /// df and p-value those of log ratio, as <see cref="BinaryContrasts.WoolfOddsRatio"/> reports them);
    /// τ², Q, I², H² and the weights are those of the log-scale model.
    /// </returns>
    /// <exception cref="StatisticsException">A ratio or a bound is zero, negative or infinite, fewer than two usable studies, or no convergence.</exception>
    /// <remarks>
    /// The standard error of each log ratio is (log(upper) − log(lower)) / (2 q) with q the critical value of
    /// the row's interval (its level, normal or t on its df): exact for Wald intervals built on the log scale,
    /// which all the ratio estimators of this library but Fisher's exact test produce; for an interval not
    /// symmetric on the log scale (exact or profile intervals) it is an approximation, and a warning says so.
    /// </remarks>
    public static MetaAnalysisResult RestrictedMaximumLikelihoodOfRatios(IReadOnlyList<Estimate> ratios,
        MetaAnalysisTest test = MetaAnalysisTest.Normal, double level = 0.95) =>
        OfRatios(ratios, "REML", test, level);

    /// <summary>
    /// DerSimonian–Laird random-effects pooling of per-study ratios on the log scale, as
    /// <see cref="RestrictedMaximumLikelihoodOfRatios"/> with the DL τ² (<c>rma(method = "DL")</c>).
    /// </summary>
    /// <param name="ratios">One ratio per study (positive value and finite positive bounds).</param>
    /// <param name="test">Normal (z) or Knapp–Hartung inference for the pooled log ratio.</param>
    /// <param name="level">Confidence level in (0, 1) of the pooled interval.</param>
    /// <exception cref="StatisticsException">As the REML overload.</exception>
    public static MetaAnalysisResult DerSimonianLairdOfRatios(IReadOnlyList<Estimate> ratios,
        MetaAnalysisTest test = MetaAnalysisTest.Normal, double level = 0.95) =>
        OfRatios(ratios, "DL", test, level);

    private static MetaAnalysisResult OfRatios(IReadOnlyList<Estimate> ratios, string model, MetaAnalysisTest test, double level)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var y = new double[ratios.Count];
        var v = new double[ratios.Count];
        var asymmetric = new List<int>();
        for (var i = 0; i < y.Length; i++)
        {
            var e = ratios[i] ?? throw new ArgumentNullException(nameof(ratios), $"Estimate {i} is null.");
            var (value, lower, upper) = (e.Value, e.Interval.Lower, e.Interval.Upper);
            if (double.IsNaN(value) || double.IsNaN(lower) || double.IsNaN(upper))
            {
                y[i] = v[i] = double.NaN;
                continue;
            }
            if (!(value > 0 && lower > 0 && upper > lower) || double.IsInfinity(value) || double.IsInfinity(upper))
            {
                throw new StatisticsException(
                    $"Le rapport de l'étude n° {i + 1} (« {e.Term} ») vaut {FrenchFormat.Number(value)} avec un intervalle [{FrenchFormat.Number(lower)} ; {FrenchFormat.Number(upper)}] : un rapport et ses bornes doivent être strictement positifs et finis pour être combinés sur l'échelle logarithmique (aucun événement dans un groupe ?).");
            }
            double logLower = Math.Log(lower), logUpper = Math.Log(upper);
            var q = TDistribution.CriticalValue(e.Interval.Level, e.DegreesOfFreedom);
            var se = (logUpper - logLower) / (2 * q);
            y[i] = Math.Log(value);
            v[i] = se * se;
            if (Math.Abs(y[i] - (logLower + logUpper) / 2) > 0.01 * (logUpper - logLower)) asymmetric.Add(i + 1);
        }
        var notes = new List<string>();
        if (asymmetric.Count > 0)
        {
            notes.Add(
                $"Intervalle non symétrique sur l'échelle logarithmique pour l'étude (les études) n° {string.Join(", ", asymmetric)} : son erreur-type, déduite de la largeur de l'intervalle, est approchée.");
        }
        var log = Fit(y, v, model, test, level, notes);
        var pooled = log.Pooled;
        var ratio = pooled with
        {
            Value = Math.Exp(pooled.Value),
            Interval = Exponentiated(pooled.Interval),
            Method = pooled.Method + "; pooled on the log ratio scale, exponentiated (SE on the log scale)",
        };
        return log with { Pooled = ratio, PredictionInterval = Exponentiated(log.PredictionInterval) };
    }

    private static ConfidenceInterval Exponentiated(ConfidenceInterval interval) =>
        new(Math.Exp(interval.Lower), Math.Exp(interval.Upper), interval.Level);

    private static readonly System.Text.RegularExpressions.Regex RatioName = new(
        @"(?<!log[ _-]?)\b(odds|risk|hazard|rate)[ _]ratio",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Whether the row names itself a ratio (see <see cref="RestrictedMaximumLikelihood(IReadOnlyList{Estimate}, MetaAnalysisTest, double)"/>).</summary>
    private static bool IsRatio(Estimate estimate) =>
        RatioName.IsMatch(estimate.Method ?? "") || RatioName.IsMatch(estimate.Term ?? "");

    private static MetaAnalysisResult Fit(ReadOnlySpan<double> effects, ReadOnlySpan<double> variances, string model,
        MetaAnalysisTest test, double level, IEnumerable<string>? notes = null)
    {
        if (effects.Length != variances.Length)
        {
            throw new ArgumentException($"effects ({effects.Length}) and variances ({variances.Length}) must have the same length.");
        }
        ConfidenceInterval.CheckLevel(level);

        var warnings = new List<string>(notes ?? []);
        var used = new List<int>(effects.Length);
        var dropped = new List<int>();
        for (var i = 0; i < effects.Length; i++)
        {
            if (double.IsNaN(effects[i]) || double.IsNaN(variances[i]))
            {
                dropped.Add(i + 1);
                continue;
            }
            if (double.IsInfinity(effects[i]))
            {
                throw new StatisticsException($"L'effet de l'étude n° {i + 1} est infini : il ne peut pas être combiné.");
            }
            if (!(variances[i] > 0) || double.IsInfinity(variances[i]))
            {
                throw new StatisticsException(
                    $"La variance d'échantillonnage de l'étude n° {i + 1} vaut {FrenchFormat.Number(variances[i])} : elle doit être strictement positive et finie (une variance nulle donnerait un poids infini).");
            }
            used.Add(i);
        }
        if (dropped.Count > 0)
        {
            warnings.Add($"Étude(s) n° {string.Join(", ", dropped)} écartée(s) : effet ou variance manquant.");
        }
        var k = used.Count;
        if (k < 2)
        {
            throw new StatisticsException(
                $"Une méta-analyse demande au moins deux estimations (ici {FrenchFormat.Count(k)}) : avec une seule cité, il n'y a rien à combiner ni d'hétérogénéité à estimer.");
        }
        var y = new double[k];
        var v = new double[k];
        for (var j = 0; j < k; j++)
        {
            y[j] = effects[used[j]];
            v[j] = variances[used[j]];
        }

        // Equal-effects weights: Q, I², H² and the DL estimator.
        var fe = Sums(v, 0);
        var muFe = WeightedMean(y, v, 0, fe.SumW);
        var q = 0.0;
        for (var j = 0; j < k; j++) q += (y[j] - muFe) * (y[j] - muFe) / v[j];
        q = Math.Max(0, q);
        var trPFe = fe.SumW - fe.SumW2 / fe.SumW;
        var sumPPFe = fe.SumW2 - 2 * fe.SumW3 / fe.SumW + fe.SumW2 * fe.SumW2 / (fe.SumW * fe.SumW);

        double tau2;
        double? seTau2 = null;
        var iterations = 0;
        switch (model)
        {
            case "EE":
                tau2 = 0;
                break;
            case "DL":
                tau2 = Math.Max(0, (q - (k - 1)) / trPFe);
                seTau2 = Math.Sqrt(1 / (trPFe * trPFe) * (2 * (k - 1) + 4 * tau2 * trPFe + 2 * tau2 * tau2 * sumPPFe));
                break;
            default:
                (tau2, iterations) = Reml(y, v, warnings);
                var re = Sums(v, tau2);
                var sumPP = re.SumW2 - 2 * re.SumW3 / re.SumW + re.SumW2 * re.SumW2 / (re.SumW * re.SumW);
                seTau2 = Math.Sqrt(2 / sumPP);
                break;
        }

        // Pooled effect with weights 1 / (v + τ²).
        var s = Sums(v, tau2);
        var mu = WeightedMean(y, v, tau2, s.SumW);
        var variance = 1 / s.SumW;
        if (test != MetaAnalysisTest.Normal)
        {
            var rss = 0.0;
            for (var j = 0; j < k; j++) rss += (y[j] - mu) * (y[j] - mu) / (v[j] + tau2);
            var factor = rss <= 2.220446049250313e-16 ? 0 : rss / (k - 1);
            if (test == MetaAnalysisTest.KnappHartungAdHoc) factor = Math.Max(1, factor);
            if (factor == 0)
            {
                throw new StatisticsException(
                    "Les effets des études sont identiques : l'ajustement de Knapp-Hartung donnerait une erreur-type nulle. Utilisez le test normal ou la variante tronquée (ad hoc).");
            }
            variance *= factor;
        }
        var se = Math.Sqrt(variance);
        // z test, or Knapp-Hartung's t on k − 1 df; the prediction interval uses the same reference.
        double df = test == MetaAnalysisTest.Normal ? double.PositiveInfinity : k - 1;
        var halfPi = TDistribution.CriticalValue(level, df) * Math.Sqrt(variance + tau2);
        var pi = new ConfidenceInterval(mu - halfPi, mu + halfPi, level);

        // Heterogeneity summaries as metafor (i2def = "1").
        double i2, h2;
        if (model == "EE")
        {
            i2 = Math.Max(0, 100 * (q - (k - 1)) / q);
            h2 = q / (k - 1);
        }
        else
        {
            var typical = (k - 1) / trPFe;
            i2 = 100 * tau2 / (typical + tau2);
            h2 = tau2 / typical + 1;
        }
        var qp = ChiSquareDistribution.UpperTail(q, k - 1);

        var weights = new double[effects.Length];
        for (var j = 0; j < k; j++) weights[used[j]] = 100 / (v[j] + tau2) / s.SumW;

        if (model != "EE")
        {
            if (k < 5)
            {
                warnings.Add(
                    $"Avec seulement {FrenchFormat.Count(k)} estimations, la variance entre cités (τ²) est très imprécise : préférez l'ajustement de Knapp-Hartung et lisez l'intervalle de prédiction avec prudence.");
            }
            if (tau2 == 0)
            {
                warnings.Add("La variance entre cités estimée est nulle : le modèle à effets aléatoires donne ici le même résultat que le modèle à effet commun.");
            }
        }

        var method = model switch
        {
            "EE" => "Equal-effects meta-analysis (inverse-variance), as metafor::rma(method = \"EE\")",
            "DL" => "Random-effects meta-analysis, DerSimonian-Laird tau2, as metafor::rma(method = \"DL\")",
            _ => "Random-effects meta-analysis, REML tau2 (Fisher scoring), as metafor::rma(method = \"REML\")",
        } + test switch
        {
            MetaAnalysisTest.KnappHartung => ", Knapp-Hartung t test (test = \"knha\")",
            MetaAnalysisTest.KnappHartungAdHoc => ", Knapp-Hartung t test with q truncated at 1 (test = \"adhoc\")",
            _ => ", z test",
        };
        var pooled = Estimate.FromStandardError("overall", mu, se, df, level, method, k, warnings.ToImmutableArray());
        return new MetaAnalysisResult(pooled, model, test, k, tau2, seTau2, q, k - 1, qp, i2, h2, pi,
            weights.ToImmutableArray(), iterations);
    }

    /// <summary>metafor's REML Fisher scoring for the intercept-only model, in O(k) per step.</summary>
    private static (double Tau2, int Iterations) Reml(double[] y, double[] v, List<string> warnings)
    {
        var k = y.Length;
        // Start: Hedges (HE) estimator, truncated at zero.
        var mean = 0.0;
        foreach (var yi in y) mean += yi;
        mean /= k;
        double rss = 0, sumV = 0;
        for (var j = 0; j < k; j++)
        {
            rss += (y[j] - mean) * (y[j] - mean);
            sumV += v[j];
        }
        var tau2 = Math.Max(0, (rss - sumV * (k - 1) / k) / (k - 1));

        var iterations = 0;
        var change = double.PositiveInfinity;
        while (change > ReMLThreshold)
        {
            if (++iterations > MaxIterations)
            {
                throw new StatisticsException("L'algorithme de Fisher (REML) n'a pas convergé : essayez l'estimateur de DerSimonian-Laird.");
            }
            var s = Sums(v, tau2);
            var mu = WeightedMean(y, v, tau2, s.SumW);
            var ypPy = 0.0;
            for (var j = 0; j < k; j++)
            {
                var w = 1 / (v[j] + tau2);
                ypPy += w * w * (y[j] - mu) * (y[j] - mu);
            }
            var trP = s.SumW - s.SumW2 / s.SumW;
            var trPP = s.SumW2 - 2 * s.SumW3 / s.SumW + s.SumW2 * s.SumW2 / (s.SumW * s.SumW);
            var adj = (ypPy - trP) / trPP;
            while (tau2 + adj < 0) adj /= 2;
            var old = tau2;
            tau2 += adj;
            change = Math.Abs(old - tau2);
        }

        // metafor's ll0check: a zero τ² with a higher restricted likelihood wins.
        if (tau2 > ReMLThreshold && RestrictedLogLikelihood(y, v, 0) - RestrictedLogLikelihood(y, v, tau2) > 1.220703125e-4)
        {
            warnings.Add("L'algorithme REML semblait bloqué sur un maximum local : τ² est fixé à 0, dont la vraisemblance restreinte est plus élevée.");
            tau2 = 0;
        }
        return (tau2, iterations);
    }

    private static double RestrictedLogLikelihood(double[] y, double[] v, double tau2)
    {
        var s = Sums(v, tau2);
        var mu = WeightedMean(y, v, tau2, s.SumW);
        double logDet = 0, rss = 0;
        for (var j = 0; j < y.Length; j++)
        {
            logDet += Math.Log(v[j] + tau2);
            rss += (y[j] - mu) * (y[j] - mu) / (v[j] + tau2);
        }
        return -0.5 * (y.Length - 1) * Math.Log(2 * Math.PI) - 0.5 * logDet - 0.5 * Math.Log(s.SumW) - 0.5 * rss;
    }

    private static (double SumW, double SumW2, double SumW3) Sums(double[] v, double tau2)
    {
        double s1 = 0, s2 = 0, s3 = 0;
        foreach (var vi in v)
        {
            var w = 1 / (vi + tau2);
            s1 += w;
            s2 += w * w;
            s3 += w * w * w;
        }
        return (s1, s2, s3);
    }

    private static double WeightedMean(double[] y, double[] v, double tau2, double sumW)
    {
        var sum = 0.0;
        for (var j = 0; j < y.Length; j++) sum += y[j] / (v[j] + tau2);
        return sum / sumW;
    }
}
