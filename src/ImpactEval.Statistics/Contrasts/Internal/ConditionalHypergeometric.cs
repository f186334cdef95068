using ImpactEval.Statistics.Numerics;
using MathNet.Numerics;

namespace ImpactEval.Statistics.Contrasts;

/// <summary>
/// Distribution of the focal-group event count in a 2×2 table given both margins, as a function of
/// the odds ratio ψ (Fisher's noncentral hypergeometric distribution). Used for Fisher's exact test
/// and for the conditional maximum-likelihood odds ratio and its exact interval (the conventions of
/// R's fisher.test; Fisher 1935, Cornfield 1956). Roots are found on log ψ.
/// </summary>
internal sealed class ConditionalHypergeometric
{
    private readonly int _lowest;
    private readonly int _highest;
    private readonly double[] _logCentral; // log P(X = s; ψ = 1), s = lowest … highest

    /// <summary>Builds the distribution for a table with focal events <paramref name="a"/> of <paramref name="focalN"/> and comparison events <paramref name="c"/> of <paramref name="comparisonN"/>.</summary>
    public ConditionalHypergeometric(int a, int focalN, int c, int comparisonN)
    {
        Observed = a;
        var events = a + c;
        var nonEvents = focalN - a + comparisonN - c;
        _lowest = Math.Max(0, focalN - nonEvents);
        _highest = Math.Min(focalN, events);
        _logCentral = new double[_highest - _lowest + 1];
        var logTotal = SpecialFunctions.BinomialLn(events + nonEvents, focalN);
        for (var s = _lowest; s <= _highest; s++)
            _logCentral[s - _lowest] = SpecialFunctions.BinomialLn(events, s)
                                     + SpecialFunctions.BinomialLn(nonEvents, focalN - s) - logTotal;
    }

    /// <summary>Observed focal event count.</summary>
    public int Observed { get; }

    /// <summary>Whether the observed count is the smallest possible (conditional MLE 0).</summary>
    public bool AtLowest => Observed == _lowest;

    /// <summary>Whether the observed count is the largest possible (conditional MLE +∞).</summary>
    public bool AtHighest => Observed == _highest;

    private double[] Density(double logPsi)
    {
        var d = new double[_logCentral.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = _logCentral[i] + logPsi * (_lowest + i);
            if (d[i] > max) max = d[i];
        }
        var sum = 0.0;
        for (var i = 0; i < d.Length; i++) { d[i] = Math.Exp(d[i] - max); sum += d[i]; }
        for (var i = 0; i < d.Length; i++) d[i] /= sum;
        return d;
    }

    /// <summary>
    /// Two-sided exact p-value: total probability, under ψ = 1, of the tables no more likely than the
    /// observed one (relative tolerance 1e-7, as fisher.test).
    /// </summary>
    public double TwoSidedPValue()
    {
        var d = Density(0.0);
        var threshold = d[Observed - _lowest] * (1 + 1e-7);
        var p = 0.0;
        foreach (var v in d) if (v <= threshold) p += v;
        return Math.Min(1.0, p);
    }

    private double Mean(double logPsi)
    {
        var d = Density(logPsi);
        var m = 0.0;
        for (var i = 0; i < d.Length; i++) m += (_lowest + i) * d[i];
        return m;
    }

    private double LowerTail(double logPsi) // P(X ≤ observed)
    {
        var d = Density(logPsi);
        var p = 0.0;
        for (var i = 0; i <= Observed - _lowest; i++) p += d[i];
        return p;
    }

    private double UpperTail(double logPsi) // P(X ≥ observed)
    {
        var d = Density(logPsi);
        var p = 0.0;
        for (var i = Observed - _lowest; i < d.Length; i++) p += d[i];
        return p;
    }

    /// <summary>Conditional maximum-likelihood odds ratio (0 or +∞ at the ends of the support).</summary>
    public double ConditionalMle()
    {
        if (AtLowest) return 0.0;
        if (AtHighest) return double.PositiveInfinity;
        return Math.Exp(SolveIncreasing(u => Mean(u) - Observed));
    }

    /// <summary>Lower exact limit: ψ with P(X ≥ observed; ψ) = <paramref name="alpha"/> (0 when observed is the smallest count).</summary>
    public double LowerLimit(double alpha) =>
        AtLowest ? 0.0 : Math.Exp(SolveIncreasing(u => UpperTail(u) - alpha));

    /// <summary>Upper exact limit: ψ with P(X ≤ observed; ψ) = <paramref name="alpha"/> (+∞ when observed is the largest count).</summary>
    public double UpperLimit(double alpha) =>
        AtHighest ? double.PositiveInfinity : Math.Exp(SolveIncreasing(u => alpha - LowerTail(u)));

    // Root of a function increasing in u = log ψ, bracketed by widening steps.
    private static double SolveIncreasing(Func<double, double> f)
    {
        double lower = -5, upper = 5;
        while (f(lower) > 0 && lower > -700) lower -= 10;
        while (f(upper) < 0 && upper < 700) upper += 10;
        return RootFinder.Brent(f, lower, upper, 1e-13);
    }
}
