using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Covariate balance between a focal group and each comparison group, with the conventions of R's
/// <c>cobalt::bal.tab</c> for the ATT (<c>col_w_smd</c>, <c>col_w_vr</c>): difference = focal mean
/// minus comparison mean; for continuous covariates it is divided by the unweighted standard
/// deviation of the focal group (<c>s.d.denom = "treated"</c>, the same standardiser before and
/// after weighting); for binary covariates the raw difference in proportions is reported by
/// default (cobalt's <c>binary = "raw"</c>), or standardised by √(p(1 − p)) of the focal group on
/// request. Variance ratios (focal / comparison) are given for continuous covariates only.
/// </summary>
/// <remarks>
/// A covariate is binary when every observed value is 0 or 1 (recode two-level variables as 0/1
/// first). Missing values (NaN) are skipped covariate by covariate. A difference of exactly zero
/// (within 1.5e-8, cobalt's <c>check_if_zero</c>) is reported as 0 without standardising. When the
/// focal group's standard deviation is 0 and the difference is not, the standardised difference is
/// undefined: the row carries NaN and a French warning instead of failing the whole table.
/// For the What Works Clearinghouse's own effect sizes (Hedges' g, Cox index), use
/// <see cref="WwcBaselineEquivalence"/>.
/// </remarks>
public static class CovariateBalance
{
    /// <summary>Balance table for the ATT: one row per covariate and comparison group.</summary>
    /// <param name="covariates">Covariate columns.</param>
    /// <param name="group">Group code per unit, 0 … groupLabels.Count − 1 (negative = unit left out).</param>
    /// <param name="groupLabels">Group labels indexed by code.</param>
    /// <param name="focalGroup">Code of the focal group.</param>
    /// <param name="weights">Optional ATT weights (e.g. <see cref="AttWeights.Weights"/>); empty for an unweighted table.</param>
    /// <param name="binaryStatistic">Statistic for binary covariates.</param>
    /// <exception cref="ArgumentException">Lengths differ, a code or the focal code is out of range, or a weight is negative/NaN.</exception>
    /// <exception cref="StatisticsException">A group has no unit, or every weight of a group is zero.</exception>
    public static ImmutableArray<CovariateBalanceRow> Att(
        IReadOnlyList<Predictor> covariates,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> groupLabels,
        int focalGroup,
        ReadOnlySpan<double> weights = default,
        BinaryBalanceStatistic binaryStatistic = BinaryBalanceStatistic.RawDifference)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(groupLabels);
        var n = group.Length;
        if (!weights.IsEmpty && weights.Length != n) throw new ArgumentException("weights and group must have the same length.", nameof(weights));
        if (focalGroup < 0 || focalGroup >= groupLabels.Count) throw new ArgumentException("Focal group out of range.", nameof(focalGroup));
        var members = GroupMembers(group, groupLabels);
        var weighted = !weights.IsEmpty;
        if (weighted)
        {
            for (var i = 0; i < n; i++)
                if (!(weights[i] >= 0) || double.IsInfinity(weights[i])) throw new ArgumentException($"Weight at row {i} is {weights[i]}.", nameof(weights));
            for (var g = 0; g < groupLabels.Count; g++)
            {
                var sum = 0.0;
                foreach (var i in members[g]) sum += weights[i];
                if (sum == 0) throw new StatisticsException($"Tous les poids du groupe « {groupLabels[g]} » sont nuls : l'équilibre pondéré ne peut pas être évalué.");
            }
        }
        var rows = ImmutableArray.CreateBuilder<CovariateBalanceRow>();
        foreach (var cov in covariates)
        {
            if (cov.Values.Length != n) throw new ArgumentException($"Covariate « {cov.Name} » has {cov.Values.Length} values, group has {n}.", nameof(covariates));
            var kind = Kind(cov.Values);
            var binary = kind == CovariateKind.Binary;
            var fx = Values(cov.Values, members[focalGroup]);
            var fw = weighted ? Values(weights, members[focalGroup], cov.Values) : Array.Empty<double>();
            for (var c = 0; c < groupLabels.Count; c++)
            {
                if (c == focalGroup) continue;
                var cx = Values(cov.Values, members[c]);
                var cw = weighted ? Values(weights, members[c], cov.Values) : Array.Empty<double>();
                rows.Add(Row(cov.Name, kind, groupLabels[focalGroup], groupLabels[c], fx, cx, fw, cw, weighted,
                    !binary || binaryStatistic == BinaryBalanceStatistic.StandardizedDifference));
            }
        }
        return rows.ToImmutable();
    }

    private static CovariateBalanceRow Row(string name, CovariateKind kind, string focal, string comp,
        double[] fx, double[] cx, double[] fw, double[] cw, bool weighted, bool standardize)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var binary = kind == CovariateKind.Binary;
        if (fx.Length == 0 || cx.Length == 0)
        {
            var empty = fx.Length == 0 ? focal : comp;
            warnings.Add($"Covariable « {name} » : aucune valeur renseignée dans le groupe « {empty} », la comparaison est impossible.");
            return new CovariateBalanceRow(name, kind, focal, comp, fx.Length, cx.Length, double.NaN, double.NaN,
                weighted ? double.NaN : null, weighted ? double.NaN : null, double.NaN, standardize, double.NaN,
                weighted ? double.NaN : null, binary ? null : double.NaN, binary || !weighted ? null : double.NaN, warnings.ToImmutable());
        }
        var mf = WeightedMoments.Mean(fx);
        var mc = WeightedMoments.Mean(cx);
        double sd;
        if (fx.Length >= 2) sd = Math.Sqrt(WeightedMoments.Variance(fx, default, binary));
        else
        {
            sd = double.NaN;
            if (standardize) warnings.Add($"Covariable « {name} » : une seule valeur dans le groupe « {focal} », l'écart-type de standardisation n'est pas défini.");
        }
        double? wmf = null, wmc = null, wdiff = null;
        if (weighted)
        {
            wmf = PositiveMean(fx, fw);
            wmc = PositiveMean(cx, cw);
        }
        // An SD that is zero up to rounding (constant covariate) counts as zero.
        if (sd <= 1e-12 * Math.Max(1, Math.Abs(mf))) sd = 0;
        var diff = Standardize(mf - mc, sd, standardize, name, focal, warnings);
        if (weighted) wdiff = Standardize(wmf!.Value - wmc!.Value, sd, standardize, name, focal, null);
        double? vr = null, wvr = null;
        if (!binary)
        {
            vr = Ratio(fx, cx, Array.Empty<double>(), Array.Empty<double>(), name, warnings);
            if (weighted) wvr = Ratio(fx, cx, fw, cw, name, null);
        }
        return new CovariateBalanceRow(name, kind, focal, comp, fx.Length, cx.Length, mf, mc, wmf, wmc, sd, standardize,
            diff, wdiff, vr, wvr, warnings.ToImmutable());
    }

    private static double PositiveMean(double[] x, double[] w)
    {
        var s = 0.0;
        foreach (var v in w) s += v;
        return s > 0 ? WeightedMoments.Mean(x, w) : double.NaN;
    }

    private static double Standardize(double diff, double sd, bool standardize, string name, string focal, ImmutableArray<string>.Builder? warnings)
    {
        if (!standardize) return diff;
        if (Math.Abs(diff) < 1.4901161193847656e-08) return 0; // cobalt: a zero difference is not standardised
        if (sd > 0) return diff / sd;
        if (sd == 0)
            warnings?.Add($"Covariable « {name} » : elle est constante dans le groupe « {focal} » (écart-type nul) ; la différence standardisée n'est pas définie.");
        return double.NaN;
    }

    private static double Ratio(double[] fx, double[] cx, double[] fw, double[] cw, string name, ImmutableArray<string>.Builder? warnings)
    {
        if (Positive(fx, fw) < 2 || Positive(cx, cw) < 2) return double.NaN;
        var vf = WeightedMoments.Variance(fx, fw);
        var vc = WeightedMoments.Variance(cx, cw);
        if (vc == 0)
        {
            warnings?.Add($"Covariable « {name} » : variance nulle dans le groupe de comparaison, le rapport de variances n'est pas défini.");
            return double.NaN;
        }
        return vf / vc;
    }

    private static int Positive(double[] x, double[] w)
    {
        if (w.Length == 0) return x.Length;
        var c = 0;
        foreach (var v in w) if (v > 0) c++;
        return c;
    }

    internal static CovariateKind Kind(double[] values)
    {
        foreach (var v in values)
            if (!double.IsNaN(v) && v != 0 && v != 1) return CovariateKind.Continuous;
        return CovariateKind.Binary;
    }

    internal static List<int>[] GroupMembers(ReadOnlySpan<int> group, IReadOnlyList<string> labels)
    {
        var members = new List<int>[labels.Count];
        for (var g = 0; g < labels.Count; g++) members[g] = new List<int>();
        for (var i = 0; i < group.Length; i++)
        {
            var g = group[i];
            if (g >= labels.Count) throw new ArgumentException($"Group code {g} at row {i} has no label.", nameof(group));
            if (g >= 0) members[g].Add(i);
        }
        for (var g = 0; g < labels.Count; g++)
            if (members[g].Count == 0) throw new StatisticsException($"Le groupe « {labels[g]} » ne compte aucune unité : l'équilibre des covariables ne peut pas être évalué.");
        return members;
    }

    /// <summary>Values of <paramref name="source"/> at the given rows where <paramref name="filter"/> (default: source) is not NaN.</summary>
    internal static double[] Values(double[] source, List<int> rows, double[]? filter = null)
    {
        var f = filter ?? source;
        var list = new List<double>(rows.Count);
        foreach (var i in rows) if (!double.IsNaN(f[i])) list.Add(source[i]);
        return list.ToArray();
    }

    internal static double[] Values(ReadOnlySpan<double> source, List<int> rows, double[] filter)
    {
        var list = new List<double>(rows.Count);
        foreach (var i in rows) if (!double.IsNaN(filter[i])) list.Add(source[i]);
        return list.ToArray();
    }
}
