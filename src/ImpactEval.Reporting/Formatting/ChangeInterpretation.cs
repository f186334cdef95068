using ImpactEval.Core.Model;

namespace ImpactEval.Reporting.Formatting;

/// <summary>
/// The plain-French sentence of an observed change (<c>paired_change</c>): how much the indicator moved between two
/// waves for the same participants, whether the interval excludes no change, and always that it is an evolution, not
/// an effect of the action — without a comparison group nothing says what would have happened without it.
/// </summary>
public static class ChangeInterpretation
{
    /// <summary>The closing words of every change sentence.</summary>
    public const string NotAnEffect = "C'est une évolution observée, pas un effet de l'action.";

    /// <summary>The sentence of one change.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="group">Group label.</param>
    /// <param name="from">Label of the first wave.</param>
    /// <param name="to">Label of the second wave.</param>
    /// <param name="n">Participants observed at both.</param>
    /// <param name="change">Mean change.</param>
    /// <param name="lower">Lower bound of its interval.</param>
    /// <param name="upper">Upper bound.</param>
    /// <param name="level">Confidence level.</param>
    /// <param name="decimals">Decimals of the indicator's unit.</param>
    /// <param name="signedRankP">p-value of the signed-rank test, for an ordinal indicator.</param>
    public static string Describe(Indicator indicator, string group, string from, string to, int n, double change, double lower, double upper, double level,
        int decimals, double? signedRankP)
    {
        var confidence = French.Number(level * 100, 0) + French.Space + "%";
        var amount = French.Interval(change, lower, upper, decimals);
        var clear = lower > 0 || upper < 0;
        var direction = !clear ? "" : (change > 0) == (indicator.Direction == Direction.HigherIsBetter) ? " dans le sens souhaité" : " dans le sens contraire à celui souhaité";
        var reading = clear
            ? $"l'évolution est nette{direction} (son intervalle de confiance à {confidence} exclut l'absence d'évolution)"
            : $"l'intervalle de confiance à {confidence} contient 0 : les données ne permettent pas de dire si l'indicateur a évolué";
        var rank = signedRankP is { } p ? $" Le test des rangs signés de Wilcoxon, adapté à une échelle ordonnée, donne {French.PValue(p)}." : "";
        return $"Entre {from} et {to}, « {indicator.Label} » a évolué en moyenne de {amount} pour les {French.Counted(n, "participant", "participants")} du groupe « {group} » observés aux deux temps ; {reading}.{rank} {NotAnEffect}";
    }
}
