using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Difference-in-differences estimators as linear models: the 2×2 design on change scores, two-way
/// fixed effects over waves (unit and wave effects with a treated × post indicator), and the event
/// study (one treated × wave coefficient per wave, relative to a reference wave).
/// </summary>
/// <remarks>
/// The panel estimators absorb the unit effects by the within transformation (no unit dummies are
/// built, so thousands of units cost nothing) and keep wave dummies, which is the same model as
/// <c>lm_robust(y ~ D + factor(wave) + factor(unit))</c> or <c>lm_robust(y ~ D + factor(wave),
/// fixed_effects = ~unit)</c>. Use cluster-robust variances with units (or coarser clusters that
/// contain whole units, e.g. schools) as clusters: <c>model.CR2(unit)</c>.
/// </remarks>
public static class DifferenceInDifferences
{
    /// <summary>Name of the treated × post term of <see cref="TwoWayFixedEffects"/>.</summary>
    public const string TreatedPostTerm = "treated:post";

    /// <summary>
    /// 2×2 difference-in-differences on change scores: regression of (after − before) on the group
    /// (and optional covariates). With no covariates the group coefficient is
    /// (Ȳ_after − Ȳ_before) in the treated group minus the same in the reference group.
    /// </summary>
    /// <param name="before">Measure before the intervention, one per unit (NaN = missing).</param>
    /// <param name="after">Measure after, one per unit (NaN = missing).</param>
    /// <param name="group">Group label per unit (null = missing).</param>
    /// <param name="reference">Label of the comparison group.</param>
    /// <param name="covariates">Covariates of the change, or null.</param>
    /// <exception cref="ArgumentException">When lengths differ.</exception>
    /// <exception cref="StatisticsException">When a group is absent or the model cannot be fitted.</exception>
    public static TreatmentEffectModel ChangeScore(ReadOnlySpan<double> before, ReadOnlySpan<double> after,
        IReadOnlyList<string?> group, string reference, IReadOnlyList<Predictor>? covariates = null)
    {
        if (before.Length != after.Length)
            throw new ArgumentException($"before has {before.Length} values; after has {after.Length}.", nameof(after));
        var change = new double[before.Length];
        for (int i = 0; i < change.Length; i++) change[i] = after[i] - before[i];
        var columns = covariates ?? [];
        var complete = CovariateAdjustment.CompleteRows(change, group, columns, default);
        var levels = CovariateAdjustment.GroupLevels(group, reference, complete);
        var builder = new DesignMatrixBuilder(change.Length).AddFactor("group", group, reference);
        foreach (var c in columns) builder.AddNumeric(c.Name, c.Values);
        var fit = LinearModel.Ols(change, builder.Build());
        return new TreatmentEffectModel(fit, [.. levels.Select(l => $"group[{l}]")]);
    }

    /// <summary>
    /// Two-way fixed effects: yᵢₜ = αᵢ + λₜ + δ·Dᵢₜ (+ covariates) + εᵢₜ, with the unit effects absorbed;
    /// the effect term is <see cref="TreatedPostTerm"/>.
    /// </summary>
    /// <param name="outcome">Outcome per observation (unit × wave row; NaN = missing).</param>
    /// <param name="unit">Unit code per row (a participant, a school…).</param>
    /// <param name="wave">Wave code per row; the lowest wave is the reference of the wave dummies <c>wave[w]</c>.</param>
    /// <param name="treatedAndPost">Dᵢₜ: whether the unit is treated at that wave (treated group × post period,
    /// or any staggered adoption pattern).</param>
    /// <param name="covariates">Time-varying covariates, or null.</param>
    /// <exception cref="ArgumentException">When lengths differ.</exception>
    /// <exception cref="StatisticsException">When the model cannot be fitted.</exception>
    public static TreatmentEffectModel TwoWayFixedEffects(ReadOnlySpan<double> outcome, ReadOnlySpan<int> unit,
        ReadOnlySpan<int> wave, ReadOnlySpan<bool> treatedAndPost, IReadOnlyList<Predictor>? covariates = null)
    {
        CheckPanel(outcome, unit, wave, treatedAndPost.Length, nameof(treatedAndPost));
        int n = outcome.Length;
        var d = new double[n];
        for (int i = 0; i < n; i++) d[i] = treatedAndPost[i] ? 1.0 : 0.0;
        var builder = new DesignMatrixBuilder(n).WithoutIntercept().AddNumeric(TreatedPostTerm, d);
        return FitPanel(outcome, unit, wave, builder, covariates, [TreatedPostTerm]);
    }

    /// <summary>
    /// Event study: yᵢₜ = αᵢ + λₜ + Σ_{w ≠ ref} δ_w·1[treated group]·1[t = w] (+ covariates) + εᵢₜ, with
    /// unit effects absorbed; effect terms <c>treated:wave[w]</c> for each wave but the reference,
    /// ascending. Pre-reference coefficients test parallel trends; later ones trace the effect over time.
    /// </summary>
    /// <param name="outcome">Outcome per observation (NaN = missing).</param>
    /// <param name="unit">Unit code per row.</param>
    /// <param name="wave">Wave code per row.</param>
    /// <param name="treatedGroup">Whether the row's unit belongs to the treated group (constant within a unit).</param>
    /// <param name="referenceWave">The wave every coefficient is relative to (usually the last before treatment).</param>
    /// <param name="covariates">Time-varying covariates, or null.</param>
    /// <exception cref="ArgumentException">When lengths differ or the reference wave never occurs.</exception>
    /// <exception cref="StatisticsException">When the model cannot be fitted.</exception>
    public static TreatmentEffectModel EventStudy(ReadOnlySpan<double> outcome, ReadOnlySpan<int> unit,
        ReadOnlySpan<int> wave, ReadOnlySpan<bool> treatedGroup, int referenceWave, IReadOnlyList<Predictor>? covariates = null)
    {
        CheckPanel(outcome, unit, wave, treatedGroup.Length, nameof(treatedGroup));
        int n = outcome.Length;
        var waves = new SortedSet<int>();
        foreach (int w in wave) waves.Add(w);
        if (!waves.Contains(referenceWave))
            throw new ArgumentException($"Reference wave {referenceWave} does not occur in the data.", nameof(referenceWave));
        var builder = new DesignMatrixBuilder(n).WithoutIntercept();
        var effects = ImmutableArray.CreateBuilder<string>();
        foreach (int w in waves)
        {
            if (w == referenceWave) continue;
            var column = new double[n];
            for (int i = 0; i < n; i++) column[i] = treatedGroup[i] && wave[i] == w ? 1.0 : 0.0;
            var term = $"treated:wave[{w}]";
            builder.AddNumeric(term, column);
            effects.Add(term);
        }
        return FitPanel(outcome, unit, wave, builder, covariates, effects.ToImmutable());
    }

    private static TreatmentEffectModel FitPanel(ReadOnlySpan<double> outcome, ReadOnlySpan<int> unit, ReadOnlySpan<int> wave,
        DesignMatrixBuilder builder, IReadOnlyList<Predictor>? covariates, ImmutableArray<string> effects)
    {
        int n = outcome.Length;
        if (covariates is not null)
            foreach (var c in covariates) builder.AddNumeric(c.Name, c.Values);
        var waves = new SortedSet<int>();
        foreach (int w in wave) waves.Add(w);
        bool first = true;
        foreach (int w in waves)
        {
            if (first) { first = false; continue; }
            var column = new double[n];
            for (int i = 0; i < n; i++) column[i] = wave[i] == w ? 1.0 : 0.0;
            builder.AddNumeric($"wave[{w}]", column);
        }
        var fit = LinearModel.OlsAbsorbing(outcome, builder.Build(), unit);
        return new TreatmentEffectModel(fit, effects);
    }

    private static void CheckPanel(ReadOnlySpan<double> outcome, ReadOnlySpan<int> unit, ReadOnlySpan<int> wave, int indicatorLength, string indicatorName)
    {
        int n = outcome.Length;
        if (unit.Length != n) throw new ArgumentException($"unit has {unit.Length} values; outcome has {n}.", nameof(unit));
        if (wave.Length != n) throw new ArgumentException($"wave has {wave.Length} values; outcome has {n}.", nameof(wave));
        if (indicatorLength != n) throw new ArgumentException($"{indicatorName} has {indicatorLength} values; outcome has {n}.", indicatorName);
    }
}
