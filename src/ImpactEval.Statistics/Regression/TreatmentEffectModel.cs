using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A linear model fitted to estimate treatment effects (ANCOVA, Lin's interacted estimator,
/// difference-in-differences), with the names of its effect terms; each variance method returns the
/// effect rows and the full table. Built by <see cref="CovariateAdjustment"/> and
/// <see cref="DifferenceInDifferences"/>.
/// </summary>
public sealed class TreatmentEffectModel
{
    internal TreatmentEffectModel(LinearModelFit fit, ImmutableArray<string> effectTerms)
    {
        Fit = fit;
        EffectTerms = effectTerms;
    }

    /// <summary>The underlying least squares fit.</summary>
    public LinearModelFit Fit { get; }

    /// <summary>Names of the treatment-effect terms (e.g. "group[BEN]", "treated:post", "treated:wave[3]").</summary>
    public ImmutableArray<string> EffectTerms { get; }

    /// <summary>Effects with the classical variance (see <see cref="LinearModelFit.Classical"/>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult Classical(double level = 0.95) => Select(Fit.Classical(level));

    /// <summary>Effects with HC0 (see <see cref="LinearModelFit.HC0"/>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult HC0(double level = 0.95) => Select(Fit.HC0(level));

    /// <summary>Effects with HC1 (see <see cref="LinearModelFit.HC1"/>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult HC1(double level = 0.95) => Select(Fit.HC1(level));

    /// <summary>Effects with HC2, estimatr's default without clusters (see <see cref="LinearModelFit.HC2"/>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult HC2(double level = 0.95) => Select(Fit.HC2(level));

    /// <summary>Effects with HC3 (see <see cref="LinearModelFit.HC3"/>).</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult HC3(double level = 0.95) => Select(Fit.HC3(level));

    /// <summary>Effects with CR0 (see <see cref="LinearModelFit.CR0"/>).</summary>
    /// <param name="clusters">Cluster code per input row.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult CR0(ReadOnlySpan<int> clusters, double level = 0.95) => Select(Fit.CR0(clusters, level));

    /// <summary>Effects with Stata's CR1 (see <see cref="LinearModelFit.CR1"/>).</summary>
    /// <param name="clusters">Cluster code per input row.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult CR1(ReadOnlySpan<int> clusters, double level = 0.95) => Select(Fit.CR1(clusters, level));

    /// <summary>Effects with CR2 and Bell–McCaffrey df, estimatr's default with clusters (see <see cref="LinearModelFit.CR2"/>).</summary>
    /// <param name="clusters">Cluster code per input row.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    public TreatmentEffectResult CR2(ReadOnlySpan<int> clusters, double level = 0.95) => Select(Fit.CR2(clusters, level));

    private TreatmentEffectResult Select(RegressionTable table)
    {
        var effects = ImmutableArray.CreateBuilder<Estimate>(EffectTerms.Length);
        foreach (var term in EffectTerms) effects.Add(table.Term(term));
        return new TreatmentEffectResult(effects.MoveToImmutable(), table);
    }
}
