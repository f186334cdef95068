using System.Text;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting.Formatting;

/// <summary>
/// The plain-French sentence that tells a steering committee what one contrast says — and what it cannot say.
/// Pure. The wording never overstates: it speaks of an "écart" and of an "association", never of proof or of an
/// effect caused by the action unless the groups were drawn at random; when the confidence interval contains no
/// difference (0, or 1 for an odds ratio) it says that the data cannot conclude; it uses the indicator's unit and
/// says whether the gap goes the favourable way given the indicator's direction.
/// </summary>
public static class ContrastInterpretation
{
    /// <summary>What the sentence needs about one contrast.</summary>
    /// <param name="Indicator">The indicator compared (label, scale, unit, direction).</param>
    /// <param name="FocalLabel">Label of the focal group.</param>
    /// <param name="ComparisonLabel">Label of the comparison group.</param>
    /// <param name="Scale">What the effect measures: a difference, an odds or risk ratio, a probability of superiority.</param>
    /// <param name="Effect">Point estimate (difference in the indicator's unit; for a binary indicator a difference in proportions).</param>
    /// <param name="Lower">Lower confidence bound.</param>
    /// <param name="Upper">Upper confidence bound.</param>
    /// <param name="ConfidenceLevel">Confidence level in (0, 1).</param>
    /// <param name="AdjustedP">P-value adjusted for the number of outcomes, when the analysis adjusts.</param>
    /// <param name="Correction">French name of the adjustment ("Holm"…), when it applies.</param>
    /// <param name="AdjustsForCovariates">Whether the estimate is adjusted on measured baseline characteristics (covariates, baseline value, propensity weights).</param>
    /// <param name="Randomised">Whether groups were drawn at random (never the case in the protocols met so far).</param>
    /// <param name="FocalN">Focal participants used.</param>
    /// <param name="ComparisonN">Comparison participants used.</param>
    /// <param name="SizesPublished">Whether both numbers of participants are published: when disclosure control hides one,
    /// the sentence says that they are small without giving them.</param>
    /// <param name="OfChanges">Whether the effect is a difference of changes (did, paired_change): the sentence compares evolutions, not levels.</param>
    public sealed record Input(
        Indicator Indicator,
        string FocalLabel,
        string ComparisonLabel,
        EffectScale Scale,
        double Effect,
        double Lower,
        double Upper,
        double ConfidenceLevel,
        double? AdjustedP,
        string? Correction,
        bool AdjustsForCovariates,
        bool Randomised,
        int FocalN,
        int ComparisonN,
        bool SizesPublished = true,
        bool OfChanges = false);

    /// <summary>Below this many participants in a group, the sentence says the result is fragile.</summary>
    public const int SmallGroup = 30;

    /// <summary>The sentence for an estimated contrast.</summary>
    public static string Describe(Input input)
    {
        var text = new StringBuilder();
        var level = ConfidenceText(input.ConfidenceLevel);
        var focal = Quote(input.FocalLabel);
        var comparison = Quote(input.ComparisonLabel);
        var indicator = Quote(input.Indicator.Label);
        // Never "à caractéristiques égales" as if the groups were made comparable: only what was measured is adjusted for.
        var adjust = input.AdjustsForCovariates ? ", écart ajusté sur les caractéristiques mesurées au départ" : "";
        var adjustRatio = input.AdjustsForCovariates ? ", ajusté sur les caractéristiques mesurées au départ" : "";
        bool excludesNull;
        bool favourable;
        var higherBetter = input.Indicator.Direction == Direction.HigherIsBetter;

        if (input.Scale == EffectScale.RiskRatio)
        {
            const int decimals = 2;
            var rr = input.Effect;
            var nearOne = Math.Round(rr, decimals, MidpointRounding.AwayFromZero) == 1;
            var what = $"la part de réponses {Quote(PositiveLabel(input.Indicator))} pour l’indicateur {indicator}";
            text.Append(nearOne
                ? $"Dans le groupe {focal}, {what} est estimée égale à celle du groupe {comparison} (rapport des proportions de {French.Number(rr, decimals)})."
                : $"Dans le groupe {focal}, {what} est estimée à {French.Number(rr, decimals)} fois celle du groupe {comparison} (rapport des proportions, sans ajustement).");
            excludesNull = input.Lower > 1 || input.Upper < 1;
            favourable = (rr > 1) == higherBetter;
            if (excludesNull)
            {
                if (!nearOne) text.Append(' ').Append(DirectionSentence(focal, favourable, higherBetter));
                text.Append($" Compte tenu de l’incertitude, ce rapport pourrait aller de {French.Number(input.Lower, decimals)} à {French.Number(input.Upper, decimals)} (intervalle de confiance {level}).");
            }
            else
            {
                text.Append($" L’intervalle de confiance {level} va de {French.Number(input.Lower, decimals)} à {French.Number(input.Upper, decimals)} et comprend 1 (des proportions égales){French.Space}: les données ne permettent pas de conclure à une différence entre les deux groupes.");
            }
        }
        else if (input.Scale == EffectScale.ProbabilityOfSuperiority)
        {
            var ps = input.Effect;
            var nearHalf = Math.Round(ps, 2, MidpointRounding.AwayFromZero) == 0.5;
            text.Append($"Une famille du groupe {focal} prise au hasard a une valeur plus {(higherBetter ? "élevée" : "basse")} qu’une famille du groupe {comparison} sur l’indicateur {indicator} avec une probabilité estimée à {French.Percent(higherBetter ? ps : 1 - ps)} (50{French.Space}% : aucun écart, les ex æquo comptant pour moitié).");
            excludesNull = input.Lower > 0.5 || input.Upper < 0.5;
            favourable = ps > 0.5 == higherBetter;
            var lower = higherBetter ? input.Lower : 1 - input.Upper;
            var upper = higherBetter ? input.Upper : 1 - input.Lower;
            if (excludesNull)
            {
                if (!nearHalf) text.Append(' ').Append(DirectionSentence(focal, favourable, higherBetter));
                text.Append($" Compte tenu de l’incertitude, cette probabilité pourrait aller de {French.Percent(lower)} à {French.Percent(upper)} (intervalle de confiance {level}).");
            }
            else
            {
                text.Append($" L’intervalle de confiance {level} va de {French.Percent(lower)} à {French.Percent(upper)} et comprend 50{French.Space}%{French.Space}: les données ne permettent pas de conclure à un écart entre les deux groupes.");
            }
        }
        else if (input.Scale == EffectScale.OddsRatio)
        {
            const int decimals = 2;
            var or = input.Effect;
            var what = input.Indicator.Scale.Type == ValueType.Binary
                ? $"les chances d'une réponse {Quote(PositiveLabel(input.Indicator))} pour l'indicateur {indicator}"
                : $"les chances d'atteindre un niveau plus élevé de l'indicateur {indicator}";
            var nearOne = Math.Round(or, decimals, MidpointRounding.AwayFromZero) == 1;
            text.Append($"Dans le groupe {focal}, {what} sont estimées ");
            text.Append(nearOne
                ? $"égales à celles du groupe {comparison} (rapport des chances de {French.Number(or, decimals)}{adjustRatio})."
                : $"à {French.Number(or, decimals)} fois celles du groupe {comparison} (rapport des chances{adjustRatio}).");
            excludesNull = input.Lower > 1 || input.Upper < 1;
            favourable = (or > 1) == higherBetter;
            if (excludesNull)
            {
                if (!nearOne) text.Append(' ').Append(DirectionSentence(focal, favourable, higherBetter));
                text.Append($" Compte tenu de l'incertitude, ce rapport pourrait aller de {French.Number(input.Lower, decimals)} à {French.Number(input.Upper, decimals)} (intervalle de confiance {level}).");
            }
            else
            {
                text.Append($" L'intervalle de confiance {level} va de {French.Number(input.Lower, decimals)} à {French.Number(input.Upper, decimals)} et comprend 1 (des chances égales) : les données ne permettent pas de conclure à une différence entre les deux groupes.");
            }
        }
        else
        {
            var unit = DifferenceUnit(input.Indicator, out var factor, out var decimals, out var scaleSuffix);
            var d = input.Effect * factor;
            var lo = input.Lower * factor;
            var hi = input.Upper * factor;
            var nearZero = Math.Round(d, decimals, MidpointRounding.AwayFromZero) == 0;
            // A change-score estimate (did, paired_change) compares evolutions, not levels.
            text.Append((nearZero, input.OfChanges) switch
            {
                (true, false) => $"Le groupe {focal} obtient en moyenne des valeurs quasi identiques à celles du groupe {comparison} sur l'indicateur {indicator}{adjust}.",
                (true, true) => $"Entre les deux temps de mesure, l'indicateur {indicator} a évolué en moyenne de la même façon dans le groupe {focal} et dans le groupe {comparison}{adjust}.",
                (false, false) => $"Le groupe {focal} obtient en moyenne {French.Quantity(d, decimals, unit)} {(d > 0 ? "de plus" : "de moins")} que le groupe {comparison} sur l'indicateur {indicator}{scaleSuffix}{adjust}.",
                _ => $"Entre les deux temps de mesure, l'indicateur {indicator} a évolué en moyenne de {French.Quantity(d, decimals, unit)} {(d > 0 ? "de plus" : "de moins")} dans le groupe {focal} que dans le groupe {comparison}{scaleSuffix}{adjust} : c'est un écart entre deux évolutions, pas entre deux niveaux.",
            });
            excludesNull = lo > 0 || hi < 0;
            favourable = (d > 0) == higherBetter;
            if (excludesNull)
            {
                if (!nearZero) text.Append(' ').Append(DirectionSentence(focal, favourable, higherBetter));
                var range = lo > 0
                    ? $"de {French.Number(lo, decimals)} à {French.Quantity(hi, decimals, unit)} de plus"
                    : $"de {French.Number(-hi, decimals)} à {French.Quantity(-lo, decimals, unit)} de moins";
                text.Append($" L'écart est estimé avec une marge d'incertitude : il pourrait aller {range} (intervalle de confiance {level}).");
            }
            else
            {
                text.Append($" L'intervalle de confiance {level} va de {French.Number(lo, decimals)} à {French.Quantity(hi, decimals, unit)} et comprend 0 : les données ne permettent pas de conclure à un écart entre les deux groupes.");
            }
        }

        if (excludesNull && !StaysClearAfterAdjustment(input.AdjustedP, input.ConfidenceLevel) && input.AdjustedP is { } adjusted)
        {
            text.Append($" Toutefois, compte tenu du nombre d'indicateurs comparés{(input.Correction is null ? "" : $" (correction de {input.Correction})")}, cet écart ne se distingue plus nettement des fluctuations d'échantillonnage ({French.PValue(adjusted, "p ajustée")}).");
        }
        if (excludesNull && !input.Randomised)
        {
            text.Append(" Les groupes n'ayant pas été constitués par tirage au sort, cet écart décrit une association : d'autres différences entre les familles peuvent l'expliquer en partie.");
        }
        var smallest = Math.Min(input.FocalN, input.ComparisonN);
        if (smallest < SmallGroup)
        {
            text.Append(input.SizesPublished
                ? $" Les effectifs sont réduits ({French.Count(input.FocalN)} et {French.Count(input.ComparisonN)} participants) : ce résultat est fragile."
                : " Les effectifs sont réduits : ce résultat est fragile.");
        }
        return text.ToString();
    }

    /// <summary>
    /// The sentence on sensitivity to unmeasured confounding (VanderWeele and Ding's E-value), for a non-randomised
    /// contrast: how strongly a characteristic that was not measured would have to be associated with both the group and
    /// the indicator to explain the estimate away — and its confidence limit.
    /// </summary>
    /// <param name="evalue">The E-value of the contrast.</param>
    /// <param name="focalLabel">Label of the focal group.</param>
    /// <param name="comparisonLabel">Label of the comparison group.</param>
    public static string Sensitivity(Statistics.EValue evalue, string focalLabel, string comparisonLabel)
    {
        var start = $"Sensibilité à une caractéristique non mesurée\u202F: pour expliquer entièrement l’écart entre les groupes {Quote(focalLabel)} et {Quote(comparisonLabel)}, " +
                    $"une caractéristique qui n’a pas été mesurée devrait être associée à la fois au groupe et à l’indicateur par un rapport de risques d’au moins {French.Number(evalue.Point, 2)} chacun, au-delà des caractéristiques déjà prises en compte";
        return evalue.Limit <= 1
            ? start + "\u202F; l’intervalle de confiance comprend déjà l’absence d’écart (valeur E de VanderWeele et Ding, 2017)."
            : start + $"\u202F; pour que l’intervalle de confiance atteigne l’absence d’écart, {French.Number(evalue.Limit, 2)} suffirait (valeur E de VanderWeele et Ding, 2017).";
    }

    /// <summary>The sentence for a contrast that could not be estimated.</summary>
    /// <param name="focalLabel">Label of the focal group.</param>
    /// <param name="comparisonLabel">Label of the comparison group.</param>
    /// <param name="reason">French reason given by the estimator.</param>
    public static string NotEstimated(string focalLabel, string comparisonLabel, string? reason) =>
        $"L'écart entre les groupes {Quote(focalLabel)} et {Quote(comparisonLabel)} n'a pas pu être estimé" +
        (string.IsNullOrWhiteSpace(reason) ? "." : " : " + LowerFirst(reason.TrimEnd('.')) + ".");

    /// <summary>The sentence for a contrast hidden by statistical disclosure control (never says which value it hid).</summary>
    public const string Withheld = "Résultat non publié afin de préserver le secret statistique (effectifs trop faibles pour garantir l'anonymat des familles).";

    /// <summary>"à 95 %" for 0.95.</summary>
    public static string ConfidenceText(double level)
    {
        var percent = level * 100;
        return "à " + French.Number(percent, Math.Round(percent) == percent ? 0 : 1) + French.Space + "%";
    }

    /// <summary>
    /// The unit in which a difference on this indicator is told: percentage points for a binary indicator
    /// (shown ×100) or a percentage, "points" on the scale of an ordinal indicator, else the indicator's unit.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="factor">Multiplier applied to the stored difference (100 for proportions).</param>
    /// <param name="decimals">Decimals to show.</param>
    /// <param name="scaleSuffix">Text after the indicator's name (" (échelle de 1 à 4)").</param>
    public static string DifferenceUnit(Indicator indicator, out double factor, out int decimals, out string scaleSuffix)
    {
        factor = 1;
        scaleSuffix = "";
        var scale = indicator.Scale;
        switch (scale.Type)
        {
            case ValueType.Binary:
                factor = 100;
                decimals = 1;
                return "points de pourcentage";
            case ValueType.Ordinal or ValueType.Categorical:
                decimals = 2;
                var levels = scale.EffectiveLevels;
                if (levels.Length > 0) scaleSuffix = $" (échelle de {levels.Min(l => l.Value)} à {levels.Max(l => l.Value)})";
                return "points";
            default:
                decimals = Decimals.ForScale(scale);
                if (scale.Unit is "%") return "points de pourcentage";
                return string.IsNullOrWhiteSpace(scale.Unit) ? "points" : scale.Unit;
        }
    }

    /// <summary>
    /// Whether a gap whose interval excludes the null value still stands once the p-value is adjusted for the number of
    /// indicators (adjusted p ≤ 1 − level), or true when the analysis does not adjust. The one rule the contrast sentence
    /// and the headline counts share, so that a summary never claims more than its detail.
    /// </summary>
    public static bool StaysClearAfterAdjustment(double? adjustedP, double confidenceLevel) =>
        adjustedP is not { } adjusted || !double.IsFinite(adjusted) || adjusted <= 1 - confidenceLevel;

    private static string DirectionSentence(string focal, bool favourable, bool higherBetter) =>
        $"Cet écart va dans un sens {(favourable ? "favorable" : "défavorable")} au groupe {focal} (pour cet indicateur, une valeur plus {(higherBetter ? "élevée" : "basse")} est souhaitable).";

    private static string PositiveLabel(Indicator indicator) =>
        indicator.Scale.EffectiveLevels.FirstOrDefault(l => l.Value == 1)?.Label ?? "oui";

    private static string Quote(string text) => "«" + French.Space + text + French.Space + "»";

    private static string LowerFirst(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
