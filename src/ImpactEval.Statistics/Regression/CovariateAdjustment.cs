using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Covariate-adjusted treatment effects from a linear model: ANCOVA (outcome ~ group + baseline +
/// covariates) and Lin's (2013) interacted estimator (estimatr's <c>lm_lin</c>). Groups are given as
/// labels (null = missing), compared with a reference group; effect terms are named
/// <c>group[label]</c>.
/// </summary>
/// <remarks>
/// Rows with a missing outcome, group, covariate or weight are dropped. The model is fitted by OLS,
/// or by WLS when weights are given; pick the variance on the returned
/// <see cref="TreatmentEffectModel"/> (HC2 is estimatr's default; CR2 when groups were assigned by
/// cluster, e.g. by school).
/// </remarks>
public static class CovariateAdjustment
{
    private const string GroupName = "group";

    /// <summary>
    /// ANCOVA: regression of the outcome on group dummies, the baseline measure and further covariates;
    /// each group coefficient is the adjusted difference from the reference group (as
    /// <c>lm_robust(y ~ group + baseline + x)</c>).
    /// </summary>
    /// <param name="outcome">Outcome per row (NaN = missing).</param>
    /// <param name="group">Group label per row (null = missing).</param>
    /// <param name="reference">Label of the comparison group.</param>
    /// <param name="baseline">Baseline (pre-test) measure, entered linearly.</param>
    /// <param name="covariates">Further covariates, entered linearly; null for none.</param>
    /// <param name="weights">Observation weights (&gt; 0), or empty for OLS.</param>
    /// <exception cref="ArgumentException">When lengths differ.</exception>
    /// <exception cref="StatisticsException">When the reference or every other group is absent from the
    /// complete rows, or the model cannot be fitted (see <see cref="LinearModel.Ols"/>).</exception>
    public static TreatmentEffectModel Ancova(ReadOnlySpan<double> outcome, IReadOnlyList<string?> group, string reference,
        Predictor baseline, IReadOnlyList<Predictor>? covariates = null, ReadOnlySpan<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var all = new List<Predictor> { baseline };
        if (covariates is not null) all.AddRange(covariates);
        var complete = CompleteRows(outcome, group, all, weights);
        var levels = GroupLevels(group, reference, complete);
        var builder = new DesignMatrixBuilder(outcome.Length);
        builder.AddFactor(GroupName, group, reference);
        foreach (var c in all) builder.AddNumeric(c.Name, c.Values);
        return Fit(outcome, builder.Build(), weights, [.. levels.Select(l => $"{GroupName}[{l}]")]);
    }

    /// <summary>
    /// Lin's (2013) estimator: regression of the outcome on group dummies, the covariates centred at
    /// their (weighted) means over the complete rows, and every group × centred covariate interaction,
    /// exactly as <c>estimatr::lm_lin(y ~ group, covariates = ~ x1 + x2)</c>. Each group coefficient is
    /// the adjusted average effect against the reference group, consistent even when effects vary with
    /// the covariates.
    /// </summary>
    /// <remarks>Terms: "(Intercept)", <c>group[g]</c>, <c>x_c</c> (centred covariates), then for each
    /// covariate and each group <c>group[g]:x_c</c> — estimatr's order.</remarks>
    /// <param name="outcome">Outcome per row (NaN = missing).</param>
    /// <param name="group">Group label per row (null = missing).</param>
    /// <param name="reference">Label of the comparison group.</param>
    /// <param name="covariates">Covariates (at least one).</param>
    /// <param name="weights">Observation weights (&gt; 0), or empty for OLS.</param>
    /// <exception cref="ArgumentException">When lengths differ or no covariate is given.</exception>
    /// <exception cref="StatisticsException">As <see cref="Ancova"/>.</exception>
    public static TreatmentEffectModel Lin(ReadOnlySpan<double> outcome, IReadOnlyList<string?> group, string reference,
        IReadOnlyList<Predictor> covariates, ReadOnlySpan<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        if (covariates.Count == 0) throw new ArgumentException("Lin's estimator needs at least one covariate.", nameof(covariates));
        var complete = CompleteRows(outcome, group, covariates, weights);
        var levels = GroupLevels(group, reference, complete);
        int n = outcome.Length;
        var builder = new DesignMatrixBuilder(n);
        builder.AddFactor(GroupName, group, reference);
        var centred = new List<(string Name, double[] Values)>();
        foreach (var c in covariates)
        {
            double sum = 0, sumW = 0;
            for (int i = 0; i < n; i++)
            {
                if (!complete[i]) continue;
                double w = weights.IsEmpty ? 1.0 : weights[i];
                sum += w * c.Values[i];
                sumW += w;
            }
            double mean = sum / sumW;
            var values = new double[n];
            for (int i = 0; i < n; i++) values[i] = c.Values[i] - mean;
            var name = $"{c.Name}_c";
            builder.AddNumeric(name, values);
            centred.Add((name, values));
        }
        foreach (var (name, values) in centred)
            foreach (var level in levels)
            {
                var product = new double[n];
                for (int i = 0; i < n; i++)
                    product[i] = group[i] is null ? double.NaN : (group[i] == level ? values[i] : 0.0);
                builder.AddNumeric($"{GroupName}[{level}]:{name}", product);
            }
        return Fit(outcome, builder.Build(), weights, [.. levels.Select(l => $"{GroupName}[{l}]")]);
    }

    private static TreatmentEffectModel Fit(ReadOnlySpan<double> outcome, DesignMatrix design, ReadOnlySpan<double> weights,
        ImmutableArray<string> effects)
    {
        var fit = weights.IsEmpty ? LinearModel.Ols(outcome, design) : LinearModel.Wls(outcome, design, weights);
        return new TreatmentEffectModel(fit, effects);
    }

    internal static bool[] CompleteRows(ReadOnlySpan<double> outcome, IReadOnlyList<string?> group,
        IReadOnlyList<Predictor> columns, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(group);
        int n = outcome.Length;
        if (group.Count != n) throw new ArgumentException($"group has {group.Count} values; outcome has {n}.", nameof(group));
        if (!weights.IsEmpty && weights.Length != n) throw new ArgumentException($"weights has {weights.Length} values; outcome has {n}.", nameof(weights));
        foreach (var c in columns)
            if (c.Values.Length != n) throw new ArgumentException($"Covariate '{c.Name}' has {c.Values.Length} values; outcome has {n}.", nameof(columns));
        var complete = new bool[n];
        for (int i = 0; i < n; i++)
        {
            bool ok = !double.IsNaN(outcome[i]) && group[i] is not null && (weights.IsEmpty || !double.IsNaN(weights[i]));
            for (int k = 0; ok && k < columns.Count; k++) ok = !double.IsNaN(columns[k].Values[i]);
            complete[i] = ok;
        }
        return complete;
    }

    /// <summary>Non-reference levels (ordinal order) present among all rows; checks both sides exist among complete rows.</summary>
    internal static List<string> GroupLevels(IReadOnlyList<string?> group, string reference, bool[] complete)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < group.Count; i++)
        {
            if (group[i] is not { } g) continue;
            all.Add(g);
            if (complete[i]) present.Add(g);
        }
        if (!present.Contains(reference))
            throw new StatisticsException($"Le groupe de référence « {reference} » est absent des observations complètes : aucun effet ne peut être estimé.");
        if (present.Count < 2)
            throw new StatisticsException($"Seul le groupe « {reference} » figure parmi les observations complètes : il n'y a pas de groupe à comparer.");
        all.Remove(reference);
        return [.. all];
    }
}
