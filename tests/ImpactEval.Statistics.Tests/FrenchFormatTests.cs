using System.Globalization;
using Xunit;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// The French messages of the library write numbers the French way (decimal comma, narrow no-break
/// space between thousands) whatever the culture of the server: a worker running under en-US (or
/// de-CH, whose separators are "." and "’") must not show "3.5" or "12,000" to a French reader. Each case
/// triggers a message through the public API under the given culture; expected texts are hand-written.
/// </summary>
public class FrenchFormatTests
{
    private const string Thousands = "\u202F";

    public static TheoryData<string> Cultures() => ["en-US", "de-CH", "fr-FR", ""];

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static string Failure(string culture, Action action) =>
        InCulture(culture, () => Assert.Throws<StatisticsException>(action).Message);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void WeightDiagnostics_EffectiveSizeWarning_FrenchNumbers(string culture)
    {
        // One family with weight 10 000 among 12 000: ESS = 21999² / (10⁸ + 11999) = 4.839 → "4,8"; 12 000
        // grouped (five digits; four-digit numbers are not, as the SI brochure and French rules allow).
        var weights = Enumerable.Repeat(1.0, 12_000).ToArray();
        weights[0] = 10_000;
        var summary = InCulture(culture, () => WeightDiagnostics.Summarize(weights, new int[12_000], ["BEN"]))[0];
        Assert.Contains($"la taille d'échantillon effective (4,8) est inférieure à la moitié de l'effectif (12{Thousands}000)", summary.Warnings[0]);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void LinearModel_ConstantOutcomeAndBadWeight_FrenchNumbers(string culture)
    {
        var design = new DesignMatrixBuilder(3).AddNumeric("x", [1, 2, 3]).Build();
        Assert.Contains("constante (2,5) sur les 3 observations", Failure(culture, () => LinearModel.Ols([2.5, 2.5, 2.5], design)));
        Assert.Contains("(ligne 2 : -0,5)", Failure(culture, () => LinearModel.Wls([1, 2, 3], design, [1, -0.5, 1])));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void PowerAndPooling_ReceivedValues_FrenchNumbers(string culture)
    {
        Assert.Contains("(valeur reçue : 1,5)", Failure(culture, () => TwoGroupPower.Power(0.3, 50, 50, alpha: 1.5)));
        Assert.Contains("vaut -0,0005", Failure(culture, () => MetaAnalysis.EqualEffects([0.1, 0.2], [0.01, -0.0005])));
        // Below 10⁻⁴, four significant digits in scientific notation.
        Assert.Contains("vaut -2,5\u00A0×\u00A010⁻⁸", Failure(culture, () => MetaAnalysis.EqualEffects([0.1, 0.2], [0.01, -2.5e-8])));
        // Three groups of 2.5 (a solved, fractional size): k (n − 1) = 4.5 denominator df.
        var anova = InCulture(culture, () => AnovaPower.Power(0.5, 3, 2.5));
        Assert.Contains("ne dispose que de 4,5 degrés de liberté", anova.Warnings[0]);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void WwcAttrition_Explanation_FrenchNumbers(string culture)
    {
        // 1 of 4 focal units lost, none of 4 comparison units: 12.5 % overall, 25.0 points differential.
        var a = InCulture(culture, () => WwcAttrition.Assess([0, 0, 0, 0, 1, 1, 1, 1],
            [true, true, true, false, true, true, true, true], ["BEN", "TEMOIN"], 0, AttritionBoundary.Cautious))[0];
        Assert.StartsWith("Attrition élevée : attrition globale 12,5 %, différentielle 25,0 points (« BEN » 25,0 %, « TEMOIN » 0,0 %)", a.Explanation);
    }
}
