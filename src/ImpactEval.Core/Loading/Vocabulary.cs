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
        ["wilcoxon"] = Estimator.Wilcoxon,
        ["brunner_munzel"] = Estimator.BrunnerMunzel,
        ["risk_difference"] = Estimator.RiskDifference,
        ["risk_ratio"] = Estimator.RiskRatio,
        ["cluster_bootstrap"] = Estimator.ClusterBootstrap,
        ["paired_change"] = Estimator.PairedChange,
    };

    /// <summary>How contrasts are fitted (<c>model</c>).</summary>
    public static readonly IReadOnlyDictionary<string, AnalysisModel> Models = new Dictionary<string, AnalysisModel>
    {
        ["joint"] = AnalysisModel.Joint,
        ["pairwise"] = AnalysisModel.Pairwise,
    };

    /// <summary>Variance estimators (<c>variance</c>), spelt as estimatr and sandwich name them.</summary>
    public static readonly IReadOnlyDictionary<string, VarianceChoice> Variances = new Dictionary<string, VarianceChoice>
    {
        ["CR2"] = VarianceChoice.CR2,
        ["CR1"] = VarianceChoice.CR1,
        ["CR0"] = VarianceChoice.CR0,
        ["HC2"] = VarianceChoice.HC2,
        ["HC1"] = VarianceChoice.HC1,
        ["HC0"] = VarianceChoice.HC0,
        ["classique"] = VarianceChoice.Classical,
    };

    /// <summary>Degrees-of-freedom rules (<c>df</c>).</summary>
    public static readonly IReadOnlyDictionary<string, DegreesOfFreedomRule> DegreesOfFreedom = new Dictionary<string, DegreesOfFreedomRule>
    {
        ["bell_mccaffrey"] = DegreesOfFreedomRule.BellMcCaffrey,
        ["satterthwaite"] = DegreesOfFreedomRule.Satterthwaite,
        ["clusters_moins_un"] = DegreesOfFreedomRule.ClustersMinusOne,
        ["residuel"] = DegreesOfFreedomRule.Residual,
    };

    /// <summary>What the baseline wave's value of each outcome also serves for (<c>baseline</c>).</summary>
    public static readonly IReadOnlyDictionary<string, bool> BaselineUses = new Dictionary<string, bool>
    {
        ["outcome"] = true,
    };

    /// <summary>Yes/no values of the protocol language (<c>primary: true</c>).</summary>
    public static readonly IReadOnlyDictionary<string, bool> Booleans = new Dictionary<string, bool>
    {
        ["true"] = true, ["false"] = false, ["oui"] = true, ["non"] = false,
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
