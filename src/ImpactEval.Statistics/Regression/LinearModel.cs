using ImpactEval.Statistics.Numerics;
using ImpactEval.Statistics.Regression;
namespace ImpactEval.Statistics;

/// <summary>
/// Fits linear models by least squares — ordinary (<see cref="Ols"/>), weighted (<see cref="Wls"/>)
/// or with one absorbed fixed effect (<see cref="OlsAbsorbing"/>) — as estimatr's <c>lm_robust</c>
/// does. The returned <see cref="LinearModelFit"/> gives the coefficient table under each variance
/// estimator (classical, HC0–HC3, CR0, CR1, CR2).
/// </summary>
/// <remarks>
/// Rows where the outcome, a design column or a weight is NaN are dropped (R's <c>na.omit</c>);
/// <see cref="LinearModelFit.N"/> reports how many were used. Collinear columns are detected by a
/// column-pivoted QR and reported as not estimable (NaN with a French warning), as
/// <c>lm_robust</c> reports NA: the column chosen is the one Eigen's pivoting (largest remaining
/// norm first) leaves out, which for exact collinearity is the one estimatr drops (R's
/// <c>lm</c> instead drops the later column in formula order). Two caveats: when two candidates tie
/// exactly (x3 = x1 + x2: once x3 is in, x1 and x2 have opposite residuals) estimatr's choice is
/// decided by rounding and ours may differ; and a column counts as collinear when its residual norm
/// is below 1e-9 of its own norm (estimatr: below p·ε of the largest pivot), so a nearly collinear
/// column that estimatr would estimate with a meaningless, enormous SE is reported as NA here.
/// </remarks>
public static class LinearModel
{
    /// <summary>Ordinary least squares of <paramref name="outcome"/> on <paramref name="design"/>.</summary>
    /// <param name="outcome">One value per design row; NaN marks a missing value.</param>
    /// <param name="design">The regressors (see <see cref="DesignMatrixBuilder"/>).</param>
    /// <exception cref="ArgumentException">When the outcome length differs from the design's row count.</exception>
    /// <exception cref="StatisticsException">When no complete row remains, the outcome is constant, the
    /// fit is perfect, or there are no residual degrees of freedom (n ≤ rank).</exception>
    public static LinearModelFit Ols(ReadOnlySpan<double> outcome, DesignMatrix design) =>
        Fit(outcome, design, default, weighted: false, default);

    /// <summary>
    /// Weighted least squares with observation weights, as <c>lm_robust(weights = w)</c>: minimises
    /// Σ wᵢ(yᵢ − xᵢβ)²; variances follow estimatr's weighted conventions.
    /// </summary>
    /// <param name="outcome">One value per design row; NaN marks a missing value.</param>
    /// <param name="design">The regressors.</param>
    /// <param name="weights">One weight per row, finite and &gt; 0 (NaN marks the row missing); only
    /// relative sizes matter.</param>
    /// <exception cref="ArgumentException">When a length differs from the design's row count.</exception>
    /// <exception cref="StatisticsException">As <see cref="Ols"/>, or when a weight is zero, negative or infinite.</exception>
    public static LinearModelFit Wls(ReadOnlySpan<double> outcome, DesignMatrix design, ReadOnlySpan<double> weights)
    {
        if (weights.Length != design.RowCount)
            throw new ArgumentException($"weights has {weights.Length} values; the design has {design.RowCount} rows.", nameof(weights));
        return Fit(outcome, design, weights, weighted: true, default);
    }

    /// <summary>
    /// OLS with the fixed effect of <paramref name="fixedEffect"/> absorbed by the within
    /// transformation (each column and the outcome demeaned within its group), equal to the regression
    /// with one dummy per group — estimatr's <c>lm_robust(fixed_effects = ~unit)</c> — without ever
    /// building those dummies. An intercept in <paramref name="design"/> is dropped (it is absorbed).
    /// </summary>
    /// <remarks>
    /// Degrees of freedom count the absorbed groups (n − k − G) as estimatr does; R² is that of the
    /// full model with the fixed effects. CR2 then requires each group to lie within one cluster
    /// (units nested in clusters), which is the usual panel case (clusters = units or coarser).
    /// </remarks>
    /// <param name="outcome">One value per design row; NaN marks a missing value.</param>
    /// <param name="design">The other regressors.</param>
    /// <param name="fixedEffect">Group code per row (e.g. the unit of a panel); any integers.</param>
    /// <exception cref="ArgumentException">When a length differs from the design's row count.</exception>
    /// <exception cref="StatisticsException">As <see cref="Ols"/>.</exception>
    public static LinearModelFit OlsAbsorbing(ReadOnlySpan<double> outcome, DesignMatrix design, ReadOnlySpan<int> fixedEffect)
    {
        if (fixedEffect.Length != design.RowCount)
            throw new ArgumentException($"fixedEffect has {fixedEffect.Length} values; the design has {design.RowCount} rows.", nameof(fixedEffect));
        return Fit(outcome, design, default, weighted: false, fixedEffect);
    }

    internal static LinearModelFit Fit(ReadOnlySpan<double> outcome, DesignMatrix design, ReadOnlySpan<double> weights,
        bool weighted, ReadOnlySpan<int> absorbed)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outcome.Length != design.RowCount)
            throw new ArgumentException($"outcome has {outcome.Length} values; the design has {design.RowCount} rows.", nameof(outcome));
        bool absorbing = !absorbed.IsEmpty;

        // Columns that enter the fit (the intercept is absorbed with the fixed effect).
        var columnIndex = new List<int>();
        for (int j = 0; j < design.ColumnCount; j++)
            if (!(absorbing && design.HasIntercept && j == 0)) columnIndex.Add(j);
        int p = columnIndex.Count;

        // Complete cases.
        var used = new List<int>(design.RowCount);
        for (int i = 0; i < design.RowCount; i++)
        {
            if (double.IsNaN(outcome[i])) continue;
            if (weighted)
            {
                double w = weights[i];
                if (double.IsNaN(w)) continue;
                if (!(w > 0) || double.IsInfinity(w))
                    throw new StatisticsException($"Les poids doivent être strictement positifs et finis (ligne {i + 1} : {w}).");
            }
            bool complete = true;
            foreach (int j in columnIndex)
                if (double.IsNaN(design.ColumnArray(j)[i])) { complete = false; break; }
            if (complete) used.Add(i);
        }
        int n = used.Count;
        if (n == 0)
            throw new StatisticsException("Aucune observation complète : chaque ligne a une valeur manquante dans le résultat, les variables explicatives ou les poids.");
        foreach (int i in used)
            if (double.IsInfinity(outcome[i]))
                throw new ArgumentException($"outcome has an infinite value at row {i}.", nameof(outcome));

        var usedRows = used.ToArray();
        bool allRows = n == design.RowCount;
        var y = new double[n];
        for (int t = 0; t < n; t++) y[t] = outcome[usedRows[t]];
        var x = new double[p][];
        for (int c = 0; c < p; c++)
        {
            var source = design.ColumnArray(columnIndex[c]);
            if (allRows && !absorbing) { x[c] = source; continue; }
            var col = new double[n];
            for (int t = 0; t < n; t++) col[t] = source[usedRows[t]];
            x[c] = col;
        }
        double[]? w2 = null;
        if (weighted)
        {
            w2 = new double[n];
            double sum = 0;
            for (int t = 0; t < n; t++) sum += weights[usedRows[t]];
            double mean = sum / n;
            for (int t = 0; t < n; t++) w2[t] = weights[usedRows[t]] / mean;
        }

        {
            double y0 = y[0];
            bool constant = true;
            for (int t = 1; t < n; t++) if (y[t] != y0) { constant = false; break; }
            if (constant)
                throw new StatisticsException($"La variable de résultat est constante ({y0}) sur les {n} observations utilisées : aucun effet ne peut être estimé.");
        }

        // Reference norms (before any within transformation), weighted as the fit is.
        var referenceNorms = new double[p];
        for (int c = 0; c < p; c++)
        {
            double s = 0;
            var col = x[c];
            if (w2 is null) s = DenseKernels.Dot(col, col);
            else for (int t = 0; t < n; t++) s += w2[t] * col[t] * col[t];
            referenceNorms[c] = Math.Sqrt(s);
        }

        AbsorbedEffect? effect = null;
        double[] yOriginal = y;
        if (absorbing)
        {
            var codes = new int[n];
            for (int t = 0; t < n; t++) codes[t] = absorbed[usedRows[t]];
            effect = AbsorbedEffect.Create(codes);
            yOriginal = (double[])y.Clone();
            effect.Demean(y);
            foreach (var col in x) effect.Demean(col);
        }

        double[]? rowScale = null;
        if (w2 is not null)
        {
            rowScale = new double[n];
            for (int t = 0; t < n; t++) rowScale[t] = Math.Sqrt(w2[t]);
        }
        var r = LeastSquaresSolver.TriangularFactor(x, y, rowScale);
        var solution = LeastSquaresSolver.Solve(r, p, referenceNorms);

        var terms = new string[p];
        for (int c = 0; c < p; c++) terms[c] = design.Terms[columnIndex[c]];
        bool hasIntercept = design.HasIntercept || absorbing;
        return new LinearModelFit(terms, x, y, yOriginal, w2, usedRows, design.RowCount, solution, effect, hasIntercept);
    }
}
