namespace ImpactEval.Statistics;

/// <summary>
/// A named numeric column on the right-hand side of an estimator: a covariate or baseline score of a
/// linear model (<see cref="CovariateAdjustment"/>, <see cref="DifferenceInDifferences"/>), a predictor
/// of a likelihood model (<see cref="LogisticRegression"/>, <see cref="OrderedLogit"/>,
/// <see cref="MultinomialLogit"/>), or a covariate of a balance table (<see cref="CovariateBalance"/>,
/// <see cref="WwcBaselineEquivalence"/>). NaN marks a missing value: the row is dropped.
/// </summary>
/// <param name="Name">Term name shown in results (e.g. "score_initial", "groupe[CRECHE]").</param>
/// <param name="Values">One value per observation, in the unit of the variable, aligned with the outcome; NaN when missing.</param>
public sealed record Predictor(string Name, double[] Values)
{
    /// <summary>
    /// Treatment-coded (dummy) indicators for a categorical variable, one column per non-reference
    /// level, named <c>name[label]</c> as R's <c>model.matrix</c> would (reference level omitted).
    /// </summary>
    /// <param name="name">Name of the categorical variable (e.g. "groupe").</param>
    /// <param name="codes">Level code per observation, 0 … <c>labels.Count − 1</c>; a negative code marks a missing value (NaN in every indicator).</param>
    /// <param name="labels">Level labels indexed by code.</param>
    /// <param name="referenceCode">Code of the reference level, which gets no indicator.</param>
    /// <returns>The indicator columns, in code order.</returns>
    /// <exception cref="ArgumentException">A code is not below <c>labels.Count</c>, or the reference code is out of range.</exception>
    public static IReadOnlyList<Predictor> Indicators(string name, ReadOnlySpan<int> codes, IReadOnlyList<string> labels, int referenceCode)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (referenceCode < 0 || referenceCode >= labels.Count)
            throw new ArgumentException($"Reference code {referenceCode} is outside 0..{labels.Count - 1}.", nameof(referenceCode));
        var result = new List<Predictor>(labels.Count - 1);
        for (var level = 0; level < labels.Count; level++)
        {
            if (level == referenceCode) continue;
            var values = new double[codes.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                var c = codes[i];
                if (c >= labels.Count) throw new ArgumentException($"Code {c} at row {i} has no label.", nameof(codes));
                values[i] = c < 0 ? double.NaN : (c == level ? 1.0 : 0.0);
            }
            result.Add(new Predictor($"{name}[{labels[level]}]", values));
        }
        return result;
    }
}
