namespace ImpactEval.Statistics;

/// <summary>
/// Complete-case model matrix shared by the likelihood models of this folder: drops rows with a
/// missing value, adds an intercept, and flags aliased (collinear) columns the way R's
/// <c>qr(x, tol = 1e-7)</c> (LINPACK <c>dqrdc2</c>, limited pivoting) does: columns are taken in
/// order and a column whose residual norm, after projection on the retained earlier columns, is
/// below 1e-7 times its own norm is aliased (R reports NA for it).
/// </summary>
/// <remarks>
/// The rank is decided once, on √(prior weight)·X, before iterating. R's <c>glm.fit</c> decides it
/// on the working-weighted matrix of each iteration with tolerance min(1e-7, epsilon/1000); for
/// exactly collinear columns both give the same answer.
/// </remarks>
internal sealed class ModelDesign
{
    public const double AliasTolerance = 1e-7;

    /// <summary>Number of rows used.</summary>
    public required int N { get; init; }
    /// <summary>Original row index of each used row.</summary>
    public required int[] Rows { get; init; }
    /// <summary>Names of all terms (including aliased ones), intercept first when present.</summary>
    public required string[] Names { get; init; }
    /// <summary>Aliased flag per term.</summary>
    public required bool[] Aliased { get; init; }
    /// <summary>Indices (into <see cref="Names"/>) of the retained columns.</summary>
    public required int[] Kept { get; init; }
    /// <summary>Row-major N × Kept.Length matrix of the retained columns.</summary>
    public required double[] X { get; init; }
    /// <summary>Prior weight per used row (1 when none were given).</summary>
    public required double[] Weights { get; init; }

    public int P => Kept.Length;

    /// <summary>Builds the complete-case design.</summary>
    /// <param name="predictors">Predictor columns.</param>
    /// <param name="rowUsable">Per original row: false when the outcome (or anything else outside the predictors) is missing.</param>
    /// <param name="weights">Prior weights (empty for none); NaN drops the row.</param>
    /// <param name="intercept">Whether to add a leading "(Intercept)" column.</param>
    public static ModelDesign Build(IReadOnlyList<Predictor> predictors, ReadOnlySpan<bool> rowUsable, ReadOnlySpan<double> weights, bool intercept)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        var n0 = rowUsable.Length;
        if (!weights.IsEmpty && weights.Length != n0)
            throw new ArgumentException($"weights has {weights.Length} values, the outcome has {n0}.", nameof(weights));
        foreach (var pr in predictors)
        {
            ArgumentNullException.ThrowIfNull(pr);
            if (pr.Values.Length != n0)
                throw new ArgumentException($"Predictor « {pr.Name} » has {pr.Values.Length} values, the outcome has {n0}.", nameof(predictors));
        }
        var rows = new List<int>(n0);
        for (var i = 0; i < n0; i++)
        {
            if (!rowUsable[i]) continue;
            if (!weights.IsEmpty)
            {
                var w = weights[i];
                if (double.IsNaN(w)) continue;
                if (w < 0 || double.IsInfinity(w)) throw new ArgumentException($"Weight at row {i} is {w}; weights must be finite and non-negative.", nameof(weights));
            }
            var ok = true;
            foreach (var pr in predictors)
                if (!double.IsFinite(pr.Values[i])) { ok = false; break; }
            if (ok) rows.Add(i);
        }
        var n = rows.Count;
        var pAll = predictors.Count + (intercept ? 1 : 0);
        var names = new string[pAll];
        if (intercept) names[0] = "(Intercept)";
        for (var j = 0; j < predictors.Count; j++) names[j + (intercept ? 1 : 0)] = predictors[j].Name;

        var w0 = new double[n];
        for (var r = 0; r < n; r++) w0[r] = weights.IsEmpty ? 1.0 : weights[rows[r]];

        // Column-wise sequential Gram–Schmidt (twice, for accuracy) on sqrt(w)·X.
        var aliased = new bool[pAll];
        var basis = new List<double[]>();
        var kept = new List<int>();
        var col = new double[n];
        for (var j = 0; j < pAll; j++)
        {
            for (var r = 0; r < n; r++)
            {
                var v = intercept && j == 0 ? 1.0 : predictors[j - (intercept ? 1 : 0)].Values[rows[r]];
                col[r] = Math.Sqrt(w0[r]) * v;
            }
            var norm0 = Norm(col);
            if (norm0 == 0) { aliased[j] = true; continue; }
            for (var pass = 0; pass < 2; pass++)
                foreach (var q in basis)
                {
                    var dot = 0.0;
                    for (var r = 0; r < n; r++) dot += q[r] * col[r];
                    for (var r = 0; r < n; r++) col[r] -= dot * q[r];
                }
            var norm1 = Norm(col);
            if (norm1 < AliasTolerance * norm0) { aliased[j] = true; continue; }
            var qn = new double[n];
            for (var r = 0; r < n; r++) qn[r] = col[r] / norm1;
            basis.Add(qn);
            kept.Add(j);
        }
        var p = kept.Count;
        var x = new double[n * p];
        for (var r = 0; r < n; r++)
            for (var k = 0; k < p; k++)
            {
                var j = kept[k];
                x[r * p + k] = intercept && j == 0 ? 1.0 : predictors[j - (intercept ? 1 : 0)].Values[rows[r]];
            }
        return new ModelDesign { N = n, Rows = rows.ToArray(), Names = names, Aliased = aliased, Kept = kept.ToArray(), X = x, Weights = w0 };
    }

    /// <summary>
    /// Builds the complete-case design, with an intercept, of a model whose outcome is a category code
    /// 0 … <paramref name="categories"/> − 1 (a negative code marks a missing outcome): the group of a
    /// multinomial propensity model, the level of an ordered outcome.
    /// </summary>
    /// <param name="outcome">Category code per original row; negative when missing.</param>
    /// <param name="categories">Number of categories (labels).</param>
    /// <param name="outcomeName">Parameter name of <paramref name="outcome"/> for argument errors.</param>
    /// <param name="predictors">Predictor columns.</param>
    /// <param name="weights">Prior weights (empty for none); NaN drops the row.</param>
    /// <returns>
    /// The design; the category code of each used row; and per category the total weight of its used
    /// rows with a positive weight (0 when the category has no such row).
    /// </returns>
    /// <exception cref="ArgumentException">A code has no category, or as <see cref="Build"/>.</exception>
    public static (ModelDesign Design, int[] Codes, double[] CategoryWeights) ForCategoricalOutcome(
        ReadOnlySpan<int> outcome, int categories, string outcomeName, IReadOnlyList<Predictor> predictors, ReadOnlySpan<double> weights)
    {
        var usable = new bool[outcome.Length];
        for (var i = 0; i < outcome.Length; i++)
        {
            if (outcome[i] >= categories) throw new ArgumentException($"Code {outcome[i]} at row {i} has no label.", outcomeName);
            usable[i] = outcome[i] >= 0;
        }
        var design = Build(predictors, usable, weights, intercept: true);
        var codes = new int[design.N];
        var categoryWeights = new double[categories];
        for (var r = 0; r < design.N; r++)
        {
            codes[r] = outcome[design.Rows[r]];
            if (design.Weights[r] > 0) categoryWeights[codes[r]] += design.Weights[r];
        }
        return (design, codes, categoryWeights);
    }

    private static double Norm(double[] v)
    {
        var s = 0.0;
        foreach (var t in v) s += t * t;
        return Math.Sqrt(s);
    }

    /// <summary>Number of used rows with a strictly positive weight.</summary>
    public int PositiveWeightCount()
    {
        var c = 0;
        foreach (var w in Weights) if (w > 0) c++;
        return c;
    }
}
