using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Builds a <see cref="DesignMatrix"/> from named numeric columns and factor columns, with an
/// intercept by default. Factors use treatment coding as R's <c>contr.treatment</c>: one 0/1 dummy
/// per level other than the reference, named <c>name[level]</c>.
/// </summary>
/// <remarks>
/// Levels are ordered with <see cref="StringComparer.Ordinal"/> (R sorts with the locale, which agrees
/// for plain ASCII names); the reference defaults to the first level in that order, like R's default.
/// A missing factor value (null) makes the row missing. Inputs are copied: later changes to the
/// caller's arrays do not affect the matrix.
/// </remarks>
public sealed class DesignMatrixBuilder
{
    private readonly int _rowCount;
    private readonly List<(string Name, double[] Values)> _columns = [];
    private bool _intercept = true;

    /// <summary>Starts a design for <paramref name="rowCount"/> rows (missing ones included).</summary>
    /// <param name="rowCount">Number of rows, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="rowCount"/> is negative.</exception>
    public DesignMatrixBuilder(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        _rowCount = rowCount;
    }

    /// <summary>Leaves the intercept out (as <c>y ~ 0 + …</c> in R).</summary>
    public DesignMatrixBuilder WithoutIntercept()
    {
        _intercept = false;
        return this;
    }

    /// <summary>Adds a numeric column; NaN marks a missing value.</summary>
    /// <param name="name">Term name, unique within the design.</param>
    /// <param name="values">One value per row.</param>
    /// <exception cref="ArgumentException">When the length differs from the row count or the name is already used.</exception>
    public DesignMatrixBuilder AddNumeric(string name, ReadOnlySpan<double> values)
    {
        CheckLength(name, values.Length);
        _columns.Add((name, values.ToArray()));
        return this;
    }

    /// <summary>
    /// Adds a factor as treatment-coded dummies, one per level other than <paramref name="reference"/>,
    /// in ordinal level order.
    /// </summary>
    /// <param name="name">Factor name; dummies are named <c>name[level]</c>.</param>
    /// <param name="values">One level per row; null marks a missing value.</param>
    /// <param name="reference">Reference level; null for the first level in ordinal order.</param>
    /// <exception cref="ArgumentException">When lengths differ, or <paramref name="reference"/> is not among the levels.</exception>
    /// <exception cref="StatisticsException">When every value is missing.</exception>
    public DesignMatrixBuilder AddFactor(string name, IReadOnlyList<string?> values, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckLength(name, values.Count);
        var levels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var v in values) if (v is not null) levels.Add(v);
        if (levels.Count == 0)
            throw new StatisticsException($"La variable « {name} » n'a aucune valeur renseignée.");
        reference ??= levels.Min!;
        if (!levels.Contains(reference))
            throw new ArgumentException($"Reference level '{reference}' is not a level of factor '{name}'.", nameof(reference));
        foreach (var level in levels)
        {
            if (level == reference) continue;
            var column = new double[_rowCount];
            for (int i = 0; i < _rowCount; i++)
                column[i] = values[i] is null ? double.NaN : (values[i] == level ? 1.0 : 0.0);
            var term = $"{name}[{level}]";
            if (_columns.Exists(c => c.Name == term))
                throw new ArgumentException($"Term '{term}' is already in the design.", nameof(name));
            _columns.Add((term, column));
        }
        return this;
    }

    /// <summary>Creates the design matrix.</summary>
    public DesignMatrix Build()
    {
        var terms = ImmutableArray.CreateBuilder<string>();
        var columns = new List<double[]>();
        if (_intercept)
        {
            terms.Add("(Intercept)");
            var ones = new double[_rowCount];
            Array.Fill(ones, 1.0);
            columns.Add(ones);
        }
        foreach (var (name, values) in _columns)
        {
            terms.Add(name);
            columns.Add(values);
        }
        return new DesignMatrix(_rowCount, terms.ToImmutable(), [.. columns], _intercept);
    }

    private void CheckLength(string name, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (length != _rowCount)
            throw new ArgumentException($"Column '{name}' has {length} values; the design has {_rowCount} rows.", nameof(name));
        if (name == "(Intercept)" || _columns.Exists(c => c.Name == name))
            throw new ArgumentException($"Term '{name}' is already in the design.", nameof(name));
    }
}
