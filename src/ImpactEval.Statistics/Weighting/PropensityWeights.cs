using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// ATT propensity-score weights with the convention of R's <c>WeightIt</c>
/// (<c>get_w_from_ps(ps, treat, estimand = "ATT", focal = )</c>): each unit gets 1 / p_own(x),
/// multiplied by p_focal(x); so focal units weigh exactly 1 and a unit of comparison group g
/// weighs p_focal(x) / p_g(x). For two groups this is the familiar e(x) / (1 − e(x)).
/// The weights are not stabilised or normalised.
/// </summary>
/// <remarks>
/// Every row must have a group and propensities: fit the propensity model on complete cases, or
/// the method refuses with a French message saying how many rows lack a propensity. A comparison
/// unit with p_own(x) = 0 would get an infinite weight and is refused as well.
/// </remarks>
public static class PropensityWeights
{
    /// <summary>ATT weights from a binary propensity score e(x) = P(focal | x) (e.g. <see cref="LogisticRegressionResult.FittedProbabilities"/> of a focal indicator).</summary>
    /// <param name="propensity">P(focal | x) per unit, in [0, 1].</param>
    /// <param name="focal">True for units of the focal group.</param>
    /// <exception cref="ArgumentException">Lengths differ or a propensity lies outside [0, 1].</exception>
    /// <exception cref="StatisticsException">A propensity is missing, or a comparison unit has e(x) = 1.</exception>
    public static AttWeights AttFromBinary(ReadOnlySpan<double> propensity, ReadOnlySpan<bool> focal)
    {
        if (propensity.Length != focal.Length) throw new ArgumentException("propensity and focal must have the same length.", nameof(focal));
        var w = new double[propensity.Length];
        var missing = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var e = propensity[i];
            if (double.IsNaN(e)) { missing++; continue; }
            if (e < 0 || e > 1) throw new ArgumentException($"Propensity at row {i} is {e}; it must lie in [0, 1].", nameof(propensity));
            if (focal[i]) { w[i] = 1; continue; }
            if (e == 1) throw new StatisticsException($"L'unité de comparaison n° {i + 1} a une probabilité de participation égale à 1 : son poids serait infini (pas de support commun).");
            w[i] = e / (1 - e);
        }
        if (missing > 0) throw MissingPropensity(missing);
        return new AttWeights(ImmutableArray.Create(w), 1, "ATT weights from a binary logistic propensity score (WeightIt convention: e/(1-e) for comparison units)");
    }

    /// <summary>ATT weights from a fitted multinomial propensity model.</summary>
    /// <param name="model">Multinomial model fitted on the same rows (see <see cref="MultinomialLogit.Fit"/>).</param>
    /// <param name="group">Group code per row, the codes used to fit the model.</param>
    /// <param name="focalGroup">Code of the focal group.</param>
    /// <exception cref="ArgumentException">The group array does not match the model's rows, or the focal code is out of range.</exception>
    /// <exception cref="StatisticsException">A row has no fitted probability (missing covariate), or a comparison unit has p_own(x) = 0.</exception>
    public static AttWeights AttFromMultinomial(MultinomialLogitResult model, ReadOnlySpan<int> group, int focalGroup)
    {
        ArgumentNullException.ThrowIfNull(model);
        return AttFromProbabilities(model.Probabilities.AsSpan(), model.Groups.Length, group, focalGroup, model.Groups);
    }

    /// <summary>ATT weights from any matrix of group-membership probabilities (rows × groups, row-major).</summary>
    /// <param name="probabilities">P(group g | x_i) at index i·groupCount + g; each row sums to 1.</param>
    /// <param name="groupCount">Number of groups G ≥ 2.</param>
    /// <param name="group">Group code per row, 0 … G − 1.</param>
    /// <param name="focalGroup">Code of the focal group.</param>
    /// <param name="groupLabels">Optional labels for messages.</param>
    /// <exception cref="ArgumentException">Sizes disagree, a code is out of range, or a probability lies outside [0, 1].</exception>
    /// <exception cref="StatisticsException">A row has no probability, or a unit's own-group probability is 0.</exception>
    public static AttWeights AttFromProbabilities(ReadOnlySpan<double> probabilities, int groupCount, ReadOnlySpan<int> group, int focalGroup, IReadOnlyList<string>? groupLabels = null)
    {
        if (groupCount < 2) throw new ArgumentException("At least two groups are needed.", nameof(groupCount));
        if (probabilities.Length != group.Length * groupCount)
            throw new ArgumentException($"probabilities has {probabilities.Length} values; expected {group.Length} rows × {groupCount} groups.", nameof(probabilities));
        if (focalGroup < 0 || focalGroup >= groupCount) throw new ArgumentException($"Focal group {focalGroup} is outside 0..{groupCount - 1}.", nameof(focalGroup));
        var w = new double[group.Length];
        var missing = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var g = group[i];
            if (g < 0 || g >= groupCount) throw new ArgumentException($"Group code {g} at row {i} is outside 0..{groupCount - 1}.", nameof(group));
            var own = probabilities[i * groupCount + g];
            var pf = probabilities[i * groupCount + focalGroup];
            if (double.IsNaN(own) || double.IsNaN(pf)) { missing++; continue; }
            if (own < 0 || own > 1 || pf < 0 || pf > 1) throw new ArgumentException($"Probabilities at row {i} lie outside [0, 1].", nameof(probabilities));
            if (own == 0)
            {
                var label = groupLabels is not null && g < groupCount ? groupLabels[g] : g.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new StatisticsException($"L'unité n° {i + 1} (groupe « {label} ») a une probabilité nulle d'appartenir à son propre groupe : son poids serait infini (pas de support commun).");
            }
            w[i] = g == focalGroup ? 1.0 : pf / own;
        }
        if (missing > 0) throw MissingPropensity(missing);
        return new AttWeights(ImmutableArray.Create(w), focalGroup, "ATT weights from a multinomial propensity model (WeightIt convention: p_focal/p_own)");
    }

    private static StatisticsException MissingPropensity(int count) =>
        new($"{count} unité(s) n'ont pas de score de propension (covariable manquante) : ajustez le modèle sur les observations complètes ou complétez les données avant de pondérer.");
}
