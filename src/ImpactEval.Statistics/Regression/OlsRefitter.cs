using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;
using ImpactEval.Statistics.Regression;

namespace ImpactEval.Statistics;

/// <summary>
/// Refits the coefficients of a <see cref="LinearModelFit"/> cheaply on a resampled set of its rows,
/// on resampled clusters, or on a new outcome — the building blocks of pairs, cluster and wild
/// bootstraps. Created by <see cref="LinearModelFit.CreateRefitter"/>; not thread-safe (reuses buffers).
/// </summary>
/// <remarks>
/// Refits solve the normal equations XᵀWX β = XᵀWy by Cholesky on the estimable columns of the
/// original fit (collinear terms stay NaN), which is accurate enough for resampling. For a fit with
/// an absorbed fixed effect the rows are the demeaned ones: resampling whole clusters (units nested
/// in clusters) then gives the fixed-effects estimate with each drawn copy of a unit as its own unit.
/// </remarks>
public sealed class OlsRefitter
{
    private const double SingularTolerance = 1e-10;
    private readonly LinearModelFit _fit;
    private readonly double[] _gram;
    private readonly double[] _rhs;
    private readonly double[] _xi;

    internal OlsRefitter(LinearModelFit fit)
    {
        _fit = fit;
        int r = fit.Rank;
        _gram = new double[r * r];
        _rhs = new double[r];
        _xi = new double[r];
    }

    /// <summary>Number of rows of the original fit (valid row indices are 0 … N − 1, in <see cref="LinearModelFit.UsedRows"/> order).</summary>
    public int N => _fit.N;

    /// <summary>Terms, in the order of the coefficient spans filled by the refit methods.</summary>
    public ImmutableArray<string> Terms => _fit.Terms;

    /// <summary>
    /// Coefficients from the rows listed in <paramref name="rows"/> (repeats allowed, as drawn by a
    /// bootstrap), in O(len·k² + k³).
    /// </summary>
    /// <param name="rows">Indices into the fitted rows, each in [0, <see cref="N"/>).</param>
    /// <param name="coefficients">Receives one value per term (NaN for collinear terms); length = Terms.Length.</param>
    /// <returns>False (and NaN everywhere) when the resampled design is singular.</returns>
    public bool TryRefitRows(ReadOnlySpan<int> rows, Span<double> coefficients)
    {
        CheckLength(coefficients);
        Array.Clear(_gram);
        Array.Clear(_rhs);
        foreach (int i in rows) AddRow(_fit, i, _xi, _gram, _rhs);
        return Solve(coefficients);
    }

    /// <summary>
    /// Coefficients of the same design with a new outcome (one value per fitted row), e.g. the
    /// pseudo-outcomes of a wild bootstrap: β = (XᵀWX)⁻¹XᵀWy*, in O(N·k).
    /// </summary>
    /// <param name="outcome">New outcome for the fitted rows (length <see cref="N"/>; demeaned for absorbed fits).</param>
    /// <param name="coefficients">Receives one value per term (NaN for collinear terms).</param>
    public void RefitOutcome(ReadOnlySpan<double> outcome, Span<double> coefficients)
    {
        CheckLength(coefficients);
        if (outcome.Length != N)
            throw new ArgumentException($"outcome has {outcome.Length} values; the fit has {N} rows.", nameof(outcome));
        int r = _fit.Rank;
        var w = _fit.Weights;
        for (int k = 0; k < r; k++)
        {
            var col = _fit.X[k];
            double s = 0;
            if (w is null) s = DenseKernels.Dot(col, outcome);
            else for (int i = 0; i < col.Length; i++) s += w[i] * col[i] * outcome[i];
            _rhs[k] = s;
        }
        coefficients.Fill(double.NaN);
        var m = _fit.Bread;
        for (int a = 0; a < r; a++)
        {
            double s = 0;
            for (int b = 0; b < r; b++) s += m[b * r + a] * _rhs[b];
            coefficients[_fit.KeptIndex[a]] = s;
        }
    }

    /// <summary>
    /// Prepares cluster refits: per-cluster cross-products are computed once, so each refit from
    /// cluster multiplicities costs O(J·k² + k³) whatever n.
    /// </summary>
    /// <param name="clusters">Cluster code per design row (the same array given to <see cref="LinearModelFit.CR2"/>).</param>
    public ClusterRefitter ForClusters(ReadOnlySpan<int> clusters) => new(_fit, clusters);

    /// <summary>
    /// Adds fitted row <paramref name="i"/> to the cross-products: wᵢxᵢxᵢᵀ to the lower triangle of
    /// <paramref name="gram"/> (column-major Rank × Rank) and wᵢyᵢxᵢ to <paramref name="rhs"/>;
    /// <paramref name="xi"/> is a scratch buffer of Rank values.
    /// </summary>
    internal static void AddRow(LinearModelFit fit, int i, double[] xi, double[] gram, double[] rhs)
    {
        int r = fit.Rank;
        double wi = fit.Weights?[i] ?? 1.0;
        for (int k = 0; k < r; k++) xi[k] = fit.X[k][i];
        double wy = wi * fit.Y[i];
        for (int b = 0; b < r; b++)
        {
            double wb = wi * xi[b];
            rhs[b] += wy * xi[b];
            for (int a = b; a < r; a++) gram[b * r + a] += wb * xi[a];
        }
    }

    private bool Solve(Span<double> coefficients)
    {
        int r = _fit.Rank;
        coefficients.Fill(double.NaN);
        if (!DenseKernels.CholeskySolve(_gram, r, _rhs, SingularTolerance)) return false;
        for (int k = 0; k < r; k++) coefficients[_fit.KeptIndex[k]] = _rhs[k];
        return true;
    }

    private void CheckLength(Span<double> coefficients)
    {
        if (coefficients.Length != _fit.Terms.Length)
            throw new ArgumentException($"coefficients must have {_fit.Terms.Length} entries.", nameof(coefficients));
    }
}
