using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;
using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics;

/// <summary>
/// Power, group size and minimum detectable effect (Cohen's f) for comparing k groups with the
/// balanced one-way ANOVA F test, as <c>pwr::pwr.anova.test</c>: power = P(F(k − 1, k(n − 1), λ) &gt;
/// F(1 − α; k − 1, k(n − 1))) with λ = k n f².
/// </summary>
/// <remarks>
/// For the three groups of a cité (e.g. two programmes and a comparison group) this answers "is
/// there any difference between the groups"; pairwise contrasts are better planned with
/// <see cref="TwoGroupPower"/> (with a multiplicity-adjusted alpha). f relates to group means μ_i
/// and within-group SD σ by f = sqrt(mean((μ_i − μ̄)²)) / σ (see <see cref="CohenF"/>).
/// </remarks>
public static class AnovaPower
{
    /// <summary>Power of the F test for effect size f with n individuals in each of k groups.</summary>
    /// <param name="effectSizeF">Cohen's f (≥ 0).</param>
    /// <param name="groups">Number of groups k (≥ 2).</param>
    /// <param name="nPerGroup">Individuals per group (≥ 2).</param>
    /// <param name="alpha">Significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range.</exception>
    public static AnovaPowerResult Power(double effectSizeF, int groups, double nPerGroup, double alpha = 0.05)
    {
        PowerCore.CheckAlpha(alpha);
        CheckF(effectSizeF, allowZero: true);
        CheckGroups(groups);
        PowerCore.CheckSize(nPerGroup, 2, "Le nombre d'individus par groupe");
        return Result(PowerQuantity.Power, effectSizeF, PowerOf(effectSizeF, groups, nPerGroup, alpha), alpha, groups, nPerGroup);
    }

    /// <summary>Individuals per group for the target power (exact root of pwr's power function; fractional).</summary>
    /// <param name="effectSizeF">Cohen's f to detect (&gt; 0).</param>
    /// <param name="groups">Number of groups k (≥ 2).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range or f is zero.</exception>
    public static AnovaPowerResult SampleSize(double effectSizeF, int groups, double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        CheckF(effectSizeF, allowZero: false);
        CheckGroups(groups);
        var n = RootFinder.IncreasingCrossing(x => PowerOf(effectSizeF, groups, x, alpha), power, 2, 10, PowerCore.SizeLimit);
        if (double.IsNaN(n))
        {
            throw new StatisticsException("La puissance visée n'est atteinte par aucune taille de groupe raisonnable (plus d'un milliard).");
        }
        return Result(PowerQuantity.SampleSize, effectSizeF, power, alpha, groups, n);
    }

    /// <summary>Smallest Cohen's f detected with the target power (exact root of pwr's power function).</summary>
    /// <param name="groups">Number of groups k (≥ 2).</param>
    /// <param name="nPerGroup">Individuals per group (≥ 2).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range.</exception>
    public static AnovaPowerResult MinimumDetectableEffect(int groups, double nPerGroup, double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        CheckGroups(groups);
        PowerCore.CheckSize(nPerGroup, 2, "Le nombre d'individus par groupe");
        var f = RootFinder.IncreasingCrossing(x => PowerOf(x, groups, nPerGroup, alpha), power, 0, 1, 1e6);
        return Result(PowerQuantity.MinimumDetectableEffect, f, power, alpha, groups, nPerGroup);
    }

    /// <summary>Cohen's f from hypothesised group means and a common within-group SD: sqrt(mean((μ_i − μ̄)²)) / σ.</summary>
    /// <param name="groupMeans">Hypothesised means of the k groups (equal group sizes assumed).</param>
    /// <param name="withinGroupSd">Common within-group standard deviation (&gt; 0).</param>
    /// <exception cref="StatisticsException">Fewer than two means, a non-finite mean, or a non-positive SD.</exception>
    public static double CohenF(ReadOnlySpan<double> groupMeans, double withinGroupSd)
    {
        if (groupMeans.Length < 2) throw new StatisticsException("Il faut au moins deux moyennes de groupe pour calculer le f de Cohen.");
        if (!(withinGroupSd > 0) || double.IsInfinity(withinGroupSd))
        {
            throw new StatisticsException("L'écart-type intra-groupe doit être strictement positif et fini.");
        }
        var mean = 0.0;
        foreach (var m in groupMeans)
        {
            if (double.IsNaN(m) || double.IsInfinity(m)) throw new StatisticsException("Les moyennes de groupe doivent être des nombres finis.");
            mean += m;
        }
        mean /= groupMeans.Length;
        var ss = 0.0;
        foreach (var m in groupMeans) ss += (m - mean) * (m - mean);
        return Math.Sqrt(ss / groupMeans.Length) / withinGroupSd;
    }

    private static double PowerOf(double f, int k, double n, double alpha)
    {
        var df1 = k - 1.0;
        var df2 = (n - 1) * k;
        var critical = FisherSnedecor.InvCDF(df1, df2, 1 - alpha);
        return FDistribution.UpperTail(critical, df1, df2, k * n * f * f);
    }

    private static void CheckF(double f, bool allowZero)
    {
        if (double.IsNaN(f) || double.IsInfinity(f) || f < 0 || (!allowZero && f == 0))
        {
            throw new StatisticsException(allowZero
                ? "Le f de Cohen doit être un nombre positif ou nul."
                : "Le f de Cohen doit être strictement positif : un effet nul ne peut pas être détecté.");
        }
    }

    private static void CheckGroups(int groups)
    {
        if (groups < 2) throw new StatisticsException($"Une analyse de variance compare au moins deux groupes (valeur reçue : {groups}).");
    }

    private static AnovaPowerResult Result(PowerQuantity solvedFor, double f, double power, double alpha, int k, double n)
    {
        var warnings = new List<string>();
        var df2 = (n - 1) * k;
        if (df2 < 10)
        {
            warnings.Add($"Le test F ne dispose que de {PowerCore.Fr(df2)} degrés de liberté au dénominateur : groupes très petits.");
        }
        return new AnovaPowerResult(solvedFor, f, power, alpha, k, n, k - 1, df2, k * n * f * f,
            "Balanced one-way ANOVA F test power (noncentral F), as pwr::pwr.anova.test", warnings.ToImmutableArray());
    }
}
