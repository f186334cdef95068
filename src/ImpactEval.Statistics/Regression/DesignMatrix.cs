using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// The regressors of a linear model: one numeric column per term, in the order R's
/// <c>model.matrix</c> would give them ("(Intercept)" first, then numeric columns and factor dummies in
/// the order they were added). Missing values are NaN; the model drops such rows when it is fitted.
/// Built with <see cref="DesignMatrixBuilder"/>.
/// </summary>
public sealed class DesignMatrix
{
    private readonly double[][] _columns;

    internal DesignMatrix(int rowCount, ImmutableArray<string> terms, double[][] columns, bool hasIntercept)
    {
        RowCount = rowCount;
        Terms = terms;
        _columns = columns;
        HasIntercept = hasIntercept;
    }

    /// <summary>Number of rows, missing ones included (the length every per-row input must have).</summary>
    public int RowCount { get; }

    /// <summary>Number of columns (terms).</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Term names, e.g. "(Intercept)", "score_initial", "groupe[BEN]".</summary>
    public ImmutableArray<string> Terms { get; }

    /// <summary>Whether the first column is the intercept (a column of ones).</summary>
    public bool HasIntercept { get; }

    /// <summary>The values of column <paramref name="index"/> (NaN where missing).</summary>
    /// <param name="index">Column index in [0, <see cref="ColumnCount"/>).</param>
    public ReadOnlySpan<double> Column(int index) => _columns[index];

    /// <summary>Index of the column named <paramref name="term"/>, or -1.</summary>
    public int IndexOf(string term) => Terms.IndexOf(term);

    internal double[] ColumnArray(int index) => _columns[index];
}
