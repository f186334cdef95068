namespace ImpactEval.Statistics;

/// <summary>
/// Damped Newton–Raphson maximisation of a log-likelihood, the iteration of the ordered and
/// multinomial logit models: Newton steps from the observed information, halved (up to 40 times)
/// until the candidate is feasible and the log-likelihood does not fall by more than 1e-12 relative;
/// converged when the largest relative step |δᵢ| / (1 + |θᵢ|) is below 1e-10, or below 1e-7 with a
/// log-likelihood change below 1e-15 relative.
/// </summary>
internal static class NewtonRaphson
{
    /// <summary>Log-likelihood at θ; fills the gradient and the row-major Hessian when they are given.</summary>
    public delegate double LogLikelihood(double[] theta, double[]? gradient, double[]? hessian);

    /// <summary>Maximises the log-likelihood from <paramref name="theta"/>, which is updated in place.</summary>
    /// <param name="theta">Starting values; receives the maximiser.</param>
    /// <param name="logLikelihood">The log-likelihood, with its gradient and Hessian on request.</param>
    /// <param name="solve">
    /// The Newton step δ solving I·δ = g for the observed information I = −H (row-major, may be
    /// overwritten) and the gradient g; throws a <see cref="StatisticsException"/> when I is singular.
    /// </param>
    /// <param name="feasible">Whether a candidate lies in the parameter space (ordered thresholds); null when every θ does.</param>
    /// <param name="maxIterations">Maximum Newton iterations.</param>
    /// <returns>
    /// Iterations used; whether the rule converged (false also when no step halving reached a finite
    /// log-likelihood); the log-likelihood at <paramref name="theta"/>.
    /// </returns>
    public static (int Iterations, bool Converged, double LogLikelihood) Maximize(double[] theta, LogLikelihood logLikelihood,
        Func<double[], double[], double[]> solve, Func<double[], bool>? feasible, int maxIterations)
    {
        var q = theta.Length;
        var gradient = new double[q];
        var hessian = new double[q * q];
        var ll = logLikelihood(theta, null, null);
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            logLikelihood(theta, gradient, hessian);
            var information = new double[q * q];
            for (var i = 0; i < q * q; i++) information[i] = -hessian[i];
            var step = solve(information, gradient);
            var maxStep = 0.0;
            for (var i = 0; i < q; i++) maxStep = Math.Max(maxStep, Math.Abs(step[i]) / (1 + Math.Abs(theta[i])));
            var candidate = new double[q];
            var factor = 1.0;
            var llNew = double.NegativeInfinity;
            for (var half = 0; half < 40; half++)
            {
                for (var i = 0; i < q; i++) candidate[i] = theta[i] + factor * step[i];
                if (feasible is null || feasible(candidate))
                {
                    llNew = logLikelihood(candidate, null, null);
                    if (llNew >= ll - 1e-12 * Math.Abs(ll)) break;
                }
                factor *= 0.5;
            }
            if (!double.IsFinite(llNew)) return (iteration, false, ll);
            Array.Copy(candidate, theta, q);
            var change = Math.Abs(llNew - ll);
            ll = llNew;
            if (maxStep < 1e-10 || (change < 1e-15 * (Math.Abs(ll) + 0.1) && maxStep < 1e-7)) return (iteration, true, ll);
        }
        return (maxIterations, false, ll);
    }
}
