using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>What Works Clearinghouse baseline-equivalence category of one covariate.</summary>
public enum WwcEquivalenceBand
{
    /// <summary>|effect size| ≤ 0.05: equivalence satisfied.</summary>
    Satisfied,
    /// <summary>0.05 &lt; |effect size| ≤ 0.25: satisfied only if the impact model adjusts for this covariate.</summary>
    RequiresStatisticalAdjustment,
    /// <summary>|effect size| &gt; 0.25: equivalence not satisfied.</summary>
    NotSatisfied,
}

/// <summary>Baseline difference of one covariate in the WWC's own effect-size metric, with its equivalence band.</summary>
/// <param name="Covariate">Covariate name.</param>
/// <param name="Kind">Continuous (Hedges' g) or binary (Cox index).</param>
/// <param name="FocalGroup">Focal (intervention) group label.</param>
/// <param name="ComparisonGroup">Comparison group label.</param>
/// <param name="NFocal">Focal units with a value.</param>
/// <param name="NComparison">Comparison units with a value.</param>
/// <param name="MeanFocal">Mean (proportion for a binary covariate) in the focal group.</param>
/// <param name="MeanComparison">Mean in the comparison group.</param>
/// <param name="SdFocal">Standard deviation (n − 1) in the focal group; for a binary covariate √(p(1 − p)·n/(n − 1)).</param>
/// <param name="SdComparison">Standard deviation in the comparison group.</param>
/// <param name="EffectSize">Hedges' g (continuous) or Cox index (binary), focal minus comparison; NaN with a warning when undefined.</param>
/// <param name="EffectSizeIndex">"Hedges' g" or "Cox index".</param>
/// <param name="Band">WWC band, null when the effect size is undefined.</param>
/// <param name="Verdict">French verdict for reports.</param>
/// <param name="Warnings">French messages.</param>
public sealed record WwcEquivalenceRow(
    string Covariate,
    CovariateKind Kind,
    string FocalGroup,
    string ComparisonGroup,
    int NFocal,
    int NComparison,
    double MeanFocal,
    double MeanComparison,
    double SdFocal,
    double SdComparison,
    double EffectSize,
    string EffectSizeIndex,
    WwcEquivalenceBand? Band,
    string Verdict,
    ImmutableArray<string> Warnings);

/// <summary>
/// Baseline equivalence as the What Works Clearinghouse judges it (WWC Procedures and Standards
/// Handbook, Version 5.0, 2022): the baseline difference of each covariate, expressed as an effect
/// size, is satisfied when |ES| ≤ 0.05, requires statistical adjustment when 0.05 &lt; |ES| ≤ 0.25,
/// and is not satisfied when |ES| &gt; 0.25.
/// </summary>
/// <remarks>
/// The effect sizes are the WWC's (Handbook appendix on effect-size computations), not cobalt's:
/// continuous covariates use Hedges' g = ω (m_f − m_c) / s_pooled with
/// s_pooled = √(((n_f − 1)s_f² + (n_c − 1)s_c²)/(n_f + n_c − 2)) and the small-sample correction
/// ω = 1 − 3/(4N − 9), N = n_f + n_c; binary covariates use the Cox index
/// ω (logit p_f − logit p_c) / 1.65. Unweighted, on the sample given (pass the analytic sample,
/// after attrition, as the WWC requires). When a proportion is 0 or 1 the Cox index is infinite
/// and is reported as undefined (NaN, null band, French warning).
/// </remarks>
public static class WwcBaselineEquivalence
{
    /// <summary>WWC baseline-equivalence table: one row per covariate and comparison group.</summary>
    /// <param name="covariates">Baseline covariates (a covariate whose values are all 0/1 is binary).</param>
    /// <param name="group">Group code per unit (negative = left out).</param>
    /// <param name="groupLabels">Group labels indexed by code.</param>
    /// <param name="focalGroup">Code of the focal (intervention) group.</param>
    /// <exception cref="ArgumentException">Lengths differ or a code is out of range.</exception>
    /// <exception cref="StatisticsException">A group has no unit.</exception>
    public static ImmutableArray<WwcEquivalenceRow> Assess(IReadOnlyList<Predictor> covariates, ReadOnlySpan<int> group, IReadOnlyList<string> groupLabels, int focalGroup)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(groupLabels);
        if (focalGroup < 0 || focalGroup >= groupLabels.Count) throw new ArgumentException("Focal group out of range.", nameof(focalGroup));
        var members = CovariateBalance.GroupMembers(group, groupLabels);
        var rows = ImmutableArray.CreateBuilder<WwcEquivalenceRow>();
        foreach (var cov in covariates)
        {
            if (cov.Values.Length != group.Length) throw new ArgumentException($"Covariate « {cov.Name} » has the wrong length.", nameof(covariates));
            var kind = CovariateBalance.Kind(cov.Values);
            var fx = CovariateBalance.Values(cov.Values, members[focalGroup]);
            for (var c = 0; c < groupLabels.Count; c++)
            {
                if (c == focalGroup) continue;
                var cx = CovariateBalance.Values(cov.Values, members[c]);
                rows.Add(Row(cov.Name, kind, groupLabels[focalGroup], groupLabels[c], fx, cx));
            }
        }
        return rows.ToImmutable();
    }

    /// <summary>The WWC band of an effect size (boundaries inclusive: 0.05 is satisfied, 0.25 requires adjustment).</summary>
    /// <param name="effectSize">Hedges' g or Cox index.</param>
    /// <exception cref="ArgumentException">The effect size is NaN.</exception>
    public static WwcEquivalenceBand Classify(double effectSize)
    {
        if (double.IsNaN(effectSize)) throw new ArgumentException("The effect size is NaN.", nameof(effectSize));
        var a = Math.Abs(effectSize);
        return a <= 0.05 ? WwcEquivalenceBand.Satisfied : a <= 0.25 ? WwcEquivalenceBand.RequiresStatisticalAdjustment : WwcEquivalenceBand.NotSatisfied;
    }

    /// <summary>French wording of a band, for reports.</summary>
    /// <param name="band">The band.</param>
    public static string Describe(WwcEquivalenceBand band) => band switch
    {
        WwcEquivalenceBand.Satisfied => "équivalence satisfaite",
        WwcEquivalenceBand.RequiresStatisticalAdjustment => "équivalence satisfaite sous réserve d'ajustement statistique sur cette variable",
        _ => "équivalence non satisfaite",
    };

    private static WwcEquivalenceRow Row(string name, CovariateKind kind, string focal, string comp, double[] fx, double[] cx)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var binary = kind == CovariateKind.Binary;
        var index = binary ? "Cox index" : "Hedges' g";
        int nf = fx.Length, nc = cx.Length;
        var mf = nf > 0 ? Moments.Mean(fx) : double.NaN;
        var mc = nc > 0 ? Moments.Mean(cx) : double.NaN;
        var sf = nf > 1 ? Math.Sqrt(Moments.Variance(fx, mf)) : double.NaN;
        var sc = nc > 1 ? Math.Sqrt(Moments.Variance(cx, mc)) : double.NaN;
        double es;
        if (nf < 2 || nc < 2)
        {
            es = double.NaN;
            warnings.Add($"Covariable « {name} » : il faut au moins deux valeurs dans chaque groupe pour calculer l'écart standardisé du WWC.");
        }
        else
        {
            var total = nf + nc;
            var omega = 1 - 3.0 / (4.0 * total - 9);
            if (binary)
            {
                if (mf is 0 or 1 || mc is 0 or 1)
                {
                    es = double.NaN;
                    warnings.Add($"Covariable « {name} » : une proportion vaut 0 ou 1, l'indice de Cox (différence de logits) n'est pas défini.");
                }
                else es = omega * (Logit(mf) - Logit(mc)) / 1.65;
            }
            else
            {
                var pooled = Math.Sqrt(((nf - 1) * sf * sf + (nc - 1) * sc * sc) / (total - 2));
                if (pooled == 0)
                {
                    es = double.NaN;
                    warnings.Add($"Covariable « {name} » : elle est constante dans les deux groupes (écart-type groupé nul) ; le g de Hedges n'est pas défini.");
                }
                else es = omega * (mf - mc) / pooled;
            }
        }
        WwcEquivalenceBand? band = double.IsNaN(es) ? null : Classify(es);
        var verdict = band is { } b ? Describe(b) : "équivalence non déterminée (écart standardisé non calculable)";
        return new WwcEquivalenceRow(name, kind, focal, comp, nf, nc, mf, mc, sf, sc, es, index, band, verdict, warnings.ToImmutable());
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
