using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Formatting;
using Xunit;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting.Tests.Formatting;

public class ContrastInterpretationTests
{
    private static readonly ImmutableArray<ScaleLevel> Implication =
        [new(1, "Pas du tout impliqué"), new(2, "Peu impliqué"), new(3, "Plutôt impliqué"), new(4, "Très impliqué")];

    private static Indicator Ordinal(Direction direction = Direction.HigherIsBetter) =>
        new("COOP", "Implication du parent", IndicatorLevel.Impact, new Scale(ValueType.Ordinal, null, null, null, Implication), direction, null, null, ["T1"], default);

    private static ContrastInterpretation.Input Input(Indicator indicator, double effect, double lower, double upper,
        EffectScale scale = EffectScale.Difference, double? adjusted = null, bool adjusts = false, int n = 200) =>
        new(indicator, "Familles bénéficiaires", "Familles éloignées", scale, effect, lower, upper, 0.95, adjusted, adjusted is null ? null : "Holm", adjusts, false, n, n);

    private static string Plain(string s) => s.Replace('\u00A0', ' ');

    // Words a report must never use for a non-randomised comparison.
    private static void NeverOverstates(string sentence)
    {
        foreach (var banned in new[] { "prouv", "preuve", "démontr", "grâce", "effet du dispositif", "a permis", "cause", "impact de" })
            Assert.DoesNotContain(banned, sentence, StringComparison.OrdinalIgnoreCase);
    }

    // The example: 0,42 [0,11 ; 0,73] on a 1-4 teacher rating — a favourable gap, told as an uncertain association.
    [Fact]
    public void Describe_IntervalExcludesZero_FavourableAssociationWithRange()
    {
        var sentence = Plain(ContrastInterpretation.Describe(Input(Ordinal(), 0.42, 0.11, 0.73)));

        Assert.Contains("obtient en moyenne 0,42 point de plus que le groupe « Familles éloignées »", sentence);
        Assert.Contains("(échelle de 1 à 4)", sentence);
        Assert.Contains("sens favorable", sentence);
        Assert.Contains("il pourrait aller de 0,11 à 0,73 point de plus (intervalle de confiance à 95 %)", sentence);
        Assert.Contains("association", sentence);
        NeverOverstates(sentence);
    }

    // An interval that contains 0: the data cannot conclude, and no direction is claimed.
    [Fact]
    public void Describe_IntervalContainsZero_SaysDataCannotConclude()
    {
        var sentence = Plain(ContrastInterpretation.Describe(Input(Ordinal(), 0.13, -0.02, 0.28)));

        Assert.Contains("comprend 0 : les données ne permettent pas de conclure", sentence);
        Assert.DoesNotContain("favorable", sentence);
        NeverOverstates(sentence);
    }

    // Absences: lower is better, so fewer absences among beneficiaries is the favourable way, told in the indicator's unit.
    [Fact]
    public void Describe_LowerIsBetterNegativeGap_FavourableInUnit()
    {
        var absences = new Indicator("ABS", "Demi-journées d'absence", IndicatorLevel.Resultat, new Scale(ValueType.Count, "demi-journées", 0, null, []),
            Direction.LowerIsBetter, null, null, ["T1"], default);

        var sentence = Plain(ContrastInterpretation.Describe(Input(absences, -2.4, -3.9, -0.9)));

        Assert.Contains("2,4 demi-journées de moins", sentence);
        Assert.Contains("de 0,9 à 3,9 demi-journées de moins", sentence);
        Assert.Contains("sens favorable", sentence);
    }

    // A binary indicator's difference of proportions is told in percentage points.
    [Fact]
    public void Describe_BinaryIndicator_PercentagePoints()
    {
        var informs = new Indicator("INF", "Prévient des absences", IndicatorLevel.Resultat, new Scale(ValueType.Binary, null, null, null, []),
            Direction.HigherIsBetter, null, null, ["T2"], default);

        var sentence = Plain(ContrastInterpretation.Describe(Input(informs, 0.123, 0.05, 0.196)));

        Assert.Contains("12,3 points de pourcentage de plus", sentence);
    }

    // An ANCOVA gap is told as adjusted on what was measured, never as a comparison of equal families nor as an effect.
    [Fact]
    public void Describe_AdjustedDifference_SaysAdjustedOnMeasuredCharacteristics()
    {
        var sentence = Plain(ContrastInterpretation.Describe(Input(Ordinal(), 0.36, 0.16, 0.56, adjusts: true)));

        Assert.Contains("0,36 point de plus", sentence);
        Assert.Contains("écart ajusté sur les caractéristiques mesurées au départ", sentence);
        Assert.DoesNotContain("égales", sentence);
        NeverOverstates(sentence);
    }

    // Ordered logit: an odds ratio is a proper sentence about the chances of a higher level, said to be adjusted on the
    // measured characteristics (never "at equal characteristics": unmeasured differences remain).
    [Fact]
    public void Describe_OddsRatio_ChancesOfHigherLevel()
    {
        var sentence = Plain(ContrastInterpretation.Describe(Input(Ordinal(), 1.83, 1.21, 2.77, EffectScale.OddsRatio, adjusts: true)));

        Assert.Contains("les chances d'atteindre un niveau plus élevé de l'indicateur « Implication du parent » sont estimées à 1,83 fois celles du groupe « Familles éloignées »", sentence);
        Assert.Contains("(rapport des chances, ajusté sur les caractéristiques mesurées au départ)", sentence);
        Assert.Contains("pourrait aller de 1,21 à 2,77", sentence);
        NeverOverstates(sentence);
    }

    // An odds ratio whose interval contains 1 cannot conclude.
    [Fact]
    public void Describe_OddsRatioIntervalContainsOne_CannotConclude()
    {
        var sentence = Plain(ContrastInterpretation.Describe(Input(Ordinal(), 1.3, 0.8, 2.1, EffectScale.OddsRatio)));

        Assert.Contains("comprend 1 (des chances égales) : les données ne permettent pas de conclure", sentence);
    }

    // Four outcomes tested with Holm: an unadjusted interval excluding 0 with an adjusted p above 5 % is flagged as fragile.
    [Fact]
    public void Describe_AdjustedPAboveAlpha_FlagsMultipleTesting()
    {
        var sentence = Plain(ContrastInterpretation.Describe(Input(Ordinal(), 0.2, 0.01, 0.39, adjusted: 0.08)));

        Assert.Contains("compte tenu du nombre d'indicateurs comparés (correction de Holm)", sentence);
        Assert.Contains("p ajustée = 0,080", sentence);
    }

    // The cohort of 6 girls: small groups are said to make the result fragile.
    [Fact]
    public void Describe_SmallGroups_SaysFragile()
    {
        var sentence = Plain(ContrastInterpretation.Describe(Input(Ordinal(), 0.5, -0.4, 1.4, n: 6)));

        Assert.Contains("Les effectifs sont réduits (6 et 6 participants) : ce résultat est fragile.", sentence);
    }
}
