using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;
using ImpactEval.Statistics.Regression;

namespace ImpactEval.Statistics;

/// <summary>
/// Refits a <see cref="LinearModelFit"/> from resampled clusters: each cluster's XᵀWX and XᵀWy are
/// computed once, and a refit adds them with the multiplicity a bootstrap drew. Created by
/// <see cref="OlsRefitter.ForClusters"/>; not thread-safe (reuses buffers).
/// </summary>
public sealed class ClusterRefitter
{
    private const double SingularTolerance = 1e-10;
    private readonly int[] _keptIndex;
    private readonly int _termCount;
    private readonly int _rank;
    private readonly double[][] _grams;
    private readonly double[][] _rhs;
    private readonly double[] _gram;
    private readonly double[] _solution;

    internal ClusterRefitter(LinearModelFit fit, ReadOnlySpan<int> clusters)
    {
        if (clusters.Length != fit.DesignRowCount)
            throw new ArgumentException($"clusters has {clusters.Length} values; the design has {fit.DesignRowCount} rows.", nameof(clusters));
        _keptIndex = fit.KeptIndex;
        _termCount = fit.Terms.Length;
        int r = _rank = fit.Rank;
        var map = new Dictionary<int, int>();
        var codes = ImmutableArray.CreateBuilder<int>();
        var grams = new List<double[]>();
        var rhs = new List<double[]>();
        var xi = new double[r];
        var used = fit.UsedRowIndices;
        for (int i = 0; i < fit.N; i++)
        {
            int code = clusters[used[i]];
            if (!map.TryGetValue(code, out int g))
            {
                g = map.Count;
                map.Add(code, g);
                codes.Add(code);
                grams.Add(new double[r * r]);
                rhs.Add(new double[r]);
            }
            OlsRefitter.AddRow(fit, i, xi, grams[g], rhs[g]);
        }
        ClusterCodes = codes.ToImmutable();
        _grams = [.. grams];
        _rhs = [.. rhs];
        _gram = new double[r * r];
        _solution = new double[r];
    }

    /// <summary>Cluster codes of the fitted rows, in order of first appearance: the order of multiplicities.</summary>
    public ImmutableArray<int> ClusterCodes { get; }

    /// <summary>
    /// Coefficients when cluster g enters <paramref name="multiplicity"/>[g] times (0 = not drawn).
    /// </summary>
    /// <param name="multiplicity">One non-negative count per cluster, in <see cref="ClusterCodes"/> order.</param>
    /// <param name="coefficients">Receives one value per term (NaN for collinear terms).</param>
    /// <returns>False (and NaN everywhere) when the resampled design is singular.</returns>
    public bool TryRefit(ReadOnlySpan<int> multiplicity, Span<double> coefficients)
    {
        if (multiplicity.Length != ClusterCodes.Length)
            throw new ArgumentException($"multiplicity must have {ClusterCodes.Length} entries.", nameof(multiplicity));
        if (coefficients.Length != _termCount)
            throw new ArgumentException($"coefficients must have {_termCount} entries.", nameof(coefficients));
        Array.Clear(_gram);
        Array.Clear(_solution);
        for (int g = 0; g < multiplicity.Length; g++)
        {
            int times = multiplicity[g];
            if (times == 0) continue;
            DenseKernels.Axpy(times, _grams[g], _gram);
            DenseKernels.Axpy(times, _rhs[g], _solution);
        }
        coefficients.Fill(double.NaN);
        if (!DenseKernels.CholeskySolve(_gram, _rank, _solution, SingularTolerance)) return false;
        for (int k = 0; k < _rank; k++) coefficients[_keptIndex[k]] = _solution[k];
        return true;
    }
}
