using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Core.Loading;

/// <summary>The words of the protocol language for each closed choice (documented in docs/protocol-language.md).</summary>
public static class Vocabulary
{
    /// <summary>Indicator levels.</summary>
    public static readonly IReadOnlyDictionary<string, IndicatorLevel> Levels = new Dictionary<string, IndicatorLevel>
    {
        ["effectivite"] = IndicatorLevel.Effectivite,
        ["resultat"] = IndicatorLevel.Resultat,
        ["impact"] = IndicatorLevel.Impact,
    };

    /// <summary>Value types.</summary>
    public static readonly IReadOnlyDictionary<string, ValueType> Types = new Dictionary<string, ValueType>
    {
        ["continuous"] = ValueType.Continuous,
        ["count"] = ValueType.Count,
        ["binary"] = ValueType.Binary,
        ["ordinal"] = ValueType.Ordinal,
        ["categorical"] = ValueType.Categorical,
    };

    /// <summary>Directions.</summary>
    public static readonly IReadOnlyDictionary<string, Direction> Directions = new Dictionary<string, Direction>
    {
        ["higher_is_better"] = Direction.HigherIsBetter,
        ["lower_is_better"] = Direction.LowerIsBetter,
    };

    /// <summary>Group roles.</summary>
    public static readonly IReadOnlyDictionary<string, GroupRole> Roles = new Dictionary<string, GroupRole>
    {
        ["focal"] = GroupRole.Focal,
        ["comparison"] = GroupRole.Comparison,
    };

    /// <summary>Gender coverage of the public.</summary>
    public static readonly IReadOnlyDictionary<string, GenderCoverage> Genders = new Dictionary<string, GenderCoverage>
    {
        ["mixed"] = GenderCoverage.Mixed,
        ["girls"] = GenderCoverage.Girls,
        ["boys"] = GenderCoverage.Boys,
    };

    /// <summary>Settings of the action.</summary>
    public static readonly IReadOnlyDictionary<string, Setting> Settings = new Dictionary<string, Setting>
    {
        ["school"] = Setting.School,
        ["out_of_school"] = Setting.OutOfSchool,
        ["both"] = Setting.Both,
    };

    /// <summary>Estimators.</summary>
    public static readonly IReadOnlyDictionary<string, Estimator> Estimators = new Dictionary<string, Estimator>
    {
        ["difference_in_means"] = Estimator.DifferenceInMeans,
        ["ancova"] = Estimator.Ancova,
        ["lin"] = Estimator.Lin,
        ["did"] = Estimator.DifferenceInDifferences,
        ["ordered_logit"] = Estimator.OrderedLogit,
        ["logistic"] = Estimator.Logistic,
        ["weighting"] = Estimator.Weighting,
    };

    /// <summary>Multiplicity adjustments.</summary>
    public static readonly IReadOnlyDictionary<string, Multiplicity> Multiplicities = new Dictionary<string, Multiplicity>
    {
        ["none"] = Multiplicity.None,
        ["holm"] = Multiplicity.Holm,
        ["hochberg"] = Multiplicity.Hochberg,
        ["bh"] = Multiplicity.BenjaminiHochberg,
    };

    /// <summary>The word of the protocol language for an enum value (the reverse of the dictionaries above).</summary>
    public static string WordFor<T>(IReadOnlyDictionary<string, T> vocabulary, T value) where T : struct, Enum =>
        vocabulary.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;
}
