using System.Globalization;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Validation with French messages and the t-test machinery shared by the power designs.</summary>
internal static class PowerCore
{
    /// <summary>Largest size tried when solving for a sample size or a number of clusters.</summary>
    public const double SizeLimit = 1e9;

    /// <summary>Formats a number the French way for messages (decimal comma, up to 4 decimals).</summary>
    public static string Fr(double value) =>
        value.ToString("0.####", CultureInfo.InvariantCulture).Replace('.', ',');

    public static void CheckAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new StatisticsException(
                $"Le seuil de signification alpha doit être strictement compris entre 0 et 1 (valeur reçue : {Fr(alpha)}).");
        }
    }

    public static void CheckTargetPower(double power, double alpha)
    {
        CheckAlpha(alpha);
        if (!(power > 0 && power < 1))
        {
            throw new StatisticsException(
                $"La puissance visée doit être strictement comprise entre 0 et 1 (valeur reçue : {Fr(power)}).");
        }
        if (power <= alpha)
        {
            throw new StatisticsException(
                $"La puissance visée ({Fr(power)}) doit dépasser le seuil alpha ({Fr(alpha)}) : un test bilatéral rejette déjà avec la probabilité alpha quand l'effet est nul.");
        }
    }

    public static void CheckIcc(double icc)
    {
        if (!(icc >= 0 && icc < 1))
        {
            throw new StatisticsException(
                $"La corrélation intra-classe (ICC) doit être comprise entre 0 (inclus) et 1 (exclu) (valeur reçue : {Fr(icc)}).");
        }
    }

    public static void CheckRSquared(double rSquared, string what)
    {
        if (!(rSquared >= 0 && rSquared < 1))
        {
            throw new StatisticsException(
                $"La part de variance expliquée par les covariables {what} (R²) doit être comprise entre 0 (inclus) et 1 (exclu) (valeur reçue : {Fr(rSquared)}).");
        }
    }

    public static void CheckProportion(double proportion)
    {
        if (!(proportion > 0 && proportion < 1))
        {
            throw new StatisticsException(
                $"La proportion affectée au traitement doit être strictement comprise entre 0 et 1 (valeur reçue : {Fr(proportion)}).");
        }
    }

    public static void CheckCovariates(int covariates)
    {
        if (covariates < 0)
        {
            throw new StatisticsException($"Le nombre de covariables ne peut pas être négatif (valeur reçue : {covariates}).");
        }
    }

    public static void CheckAllocationRatio(double ratio)
    {
        if (!(ratio > 0) || double.IsInfinity(ratio))
        {
            throw new StatisticsException(
                $"Le rapport d'allocation (taille du second groupe / taille du premier) doit être positif et fini (valeur reçue : {Fr(ratio)}).");
        }
    }

    public static void CheckEffect(double effect, bool mustBePositive)
    {
        if (double.IsNaN(effect) || double.IsInfinity(effect))
        {
            throw new StatisticsException("La taille d'effet doit être un nombre fini.");
        }
        if (mustBePositive && effect == 0)
        {
            throw new StatisticsException(
                "Une taille d'effet nulle ne peut pas être détectée : aucune taille d'échantillon n'atteint la puissance visée.");
        }
    }

    public static void CheckSize(double size, double minimum, string what)
    {
        if (double.IsNaN(size) || double.IsInfinity(size) || size < minimum)
        {
            throw new StatisticsException($"{what} doit être au moins égal à {Fr(minimum)} (valeur reçue : {Fr(size)}).");
        }
    }

    public static void CheckDegreesOfFreedom(double df, string explanation)
    {
        if (!(df > 0))
        {
            throw new StatisticsException(
                $"Il ne reste aucun degré de liberté pour le test ({explanation} = {Fr(df)}) : il faut davantage d'unités ou moins de covariables.");
        }
    }

    /// <summary>Two-sided noncentral-t power for an effect in SD units with standardised SE <paramref name="sse"/>.</summary>
    public static double Power(double effect, double sse, double df, double alpha) =>
        TDistribution.TwoSidedPower(Math.Abs(effect) / sse, df, alpha);

    /// <summary>The noncentrality at which the two-sided t test on <paramref name="df"/> has the target power.</summary>
    public static double NoncentralityForPower(double df, double alpha, double power)
    {
        var start = NormalDistribution.Quantile(1 - alpha / 2) + NormalDistribution.Quantile(power) + 1;
        var ncp = RootFinder.IncreasingCrossing(
            x => TDistribution.TwoSidedPower(x, df, alpha), power, 0, Math.Max(start, 1), 1e6);
        if (double.IsNaN(ncp)) throw new StatisticsException("La puissance visée ne peut pas être atteinte.");
        return ncp;
    }

    /// <summary>Bloom's multiplier as PowerUpR computes it: T1 + T2 when power ≥ .5, T1 − T2 otherwise.</summary>
    public static double Multiplier(double df, double alpha, double power)
    {
        // A computed power that rounds to 1 (huge effects) has no finite multiplier.
        if (power >= 1) return double.PositiveInfinity;
        var t1 = Math.Abs(TDistribution.Quantile(alpha / 2, df));
        var t2 = Math.Abs(TDistribution.Quantile(power, df));
        return power >= 0.5 ? t1 + t2 : t1 - t2;
    }

    /// <summary>
    /// PowerUpR's <c>mrss.*</c> fixed-point iteration: start at 10, df from the current size,
    /// size implied by the multiplier, stop when two successive sizes differ by less than 0.10,
    /// averaging the two at each step (at most 101 steps), and return the rounded size.
    /// </summary>
    public static (double Rounded, double Unrounded, double Df) MultiplierSize(
        Func<double, double> sizeFromMultiplier, Func<double, double> dfOfSize, double alpha, double power, string unit)
    {
        var x0 = 10.0;
        var converged = false;
        var df = double.NaN;
        for (var i = 0; i <= 100 && !converged; i++)
        {
            df = dfOfSize(x0);
            if (df <= 0 || double.IsInfinity(df)) break;
            var m = Multiplier(df, alpha, power);
            var x1 = sizeFromMultiplier(m);
            if (Math.Abs(x1 - x0) < 0.10) converged = true;
            x0 = (x1 + x0) / 2;
        }
        if (!(df > 0))
        {
            throw new StatisticsException(
                $"La méthode itérative de PowerUp! part de 10 {unit} et n'y trouve aucun degré de liberté : réduisez le nombre de covariables ou utilisez la résolution exacte.");
        }
        return (Math.Round(x0, MidpointRounding.ToEven), x0, df);
    }

    public static void AddSmallDfWarning(List<string> warnings, double df)
    {
        if (df < 10)
        {
            warnings.Add(
                $"Le test ne dispose que de {Fr(df)} degrés de liberté : la puissance dépend fortement des hypothèses, et l'analyse devra tenir compte du petit nombre d'unités (test t sur ces degrés de liberté).");
        }
    }

    public static void AddMultiplierWarning(List<string> warnings, double target, double achieved)
    {
        if (Math.Abs(target - achieved) > 0.005)
        {
            warnings.Add(
                $"Avec la convention du multiplicateur (PowerUp!), la puissance exacte du test pour ce résultat est de {Fr(Math.Round(100 * achieved, 1))} % au lieu des {Fr(Math.Round(100 * target, 1))} % visés.");
        }
    }
}
