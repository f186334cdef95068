using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis;

/// <summary>
/// Minimum detectable effects of the protocol's contrasts: the planning MDE, for sizing (planned group sizes and the
/// protocol's stated assumptions), and the observed MDE of each estimate, from its own standard error (see
/// <see cref="Observed"/>). With a known ICC and a clustering unit, groups mixed within schools are
/// treated as individual assignment blocked by school with fixed school effects (PowerUpR's <c>mdes.bira2f1</c>);
/// otherwise as a two-group individual design with the exact noncentral t (<c>pwr.t2n.test</c> with the covariate
/// R² of PowerUpR's <c>mdes.ira1r1</c>).
/// </summary>
public static class DesignSensitivity
{
    /// <summary>MDEs with the planned group sizes; empty when the protocol plans none.</summary>
    public static ImmutableArray<DetectableEffect> Planned(Protocol protocol)
    {
        var clusters = protocol.Cluster?.Units.Length ?? 0;
        return [.. Contrasts(protocol)
            .Where(c => protocol.FindGroup(c.FocalCode)?.PlannedSize is not null && protocol.FindGroup(c.ComparisonCode)?.PlannedSize is not null)
            .Select(c => Compute(protocol.Design, c, DetectableEffect.PlannedWave, protocol.FindGroup(c.FocalCode)!.PlannedSize!.Value, protocol.FindGroup(c.ComparisonCode)!.PlannedSize!.Value, clusters))];
    }

    /// <summary>
    /// The observed MDE of every estimate on a difference or odds-ratio scale: (t(1 − α/2; df) + t(power; df)) × SE / SD
    /// with the estimate's own SE and df, α = 1 − the analysis' confidence level, the protocol's target power, and SD
    /// the outcome's standard deviation pooled within the two groups at the analysed wave (π/√3, the logistic
    /// distribution's, for log odds ratios: Chinn 2000). Estimates on a probability-of-superiority or risk-ratio scale
    /// have no MDE in standard deviations and are left out.
    /// </summary>
    public static ImmutableArray<DetectableEffect> Observed(Protocol protocol, ImmutableArray<AnalysisResult> analyses, ImmutableArray<IndicatorDescriptives> descriptives)
    {
        var result = ImmutableArray.CreateBuilder<DetectableEffect>();
        foreach (var analysis in analyses)
        foreach (var c in analysis.Contrasts)
        {
            if (c.Effect is not { IsEstimable: true } effect || !(effect.DegreesOfFreedom > 0)) continue;
            double se, sd;
            switch (c.Scale)
            {
                case EffectScale.Difference:
                    se = effect.StandardError;
                    sd = PooledStandardDeviation(descriptives, c.Indicator, analysis.Wave, c.Focal, c.Comparison);
                    break;
                case EffectScale.OddsRatio when effect.Interval.Lower > 0 && double.IsFinite(effect.Interval.Upper):
                    // The printed interval is exp(log OR ± q SE): its log width gives back the SE of the log odds ratio.
                    se = Math.Log(effect.Interval.Upper / effect.Interval.Lower) / (2 * ObservedSensitivity.CriticalValue(effect.Interval.Level, effect.DegreesOfFreedom));
                    sd = Math.PI / Math.Sqrt(3);
                    break;
                default:
                    continue;
            }
            if (!(se > 0) || !double.IsFinite(se) || !(sd > 0)) continue;
            var alpha = 1 - analysis.ConfidenceLevel;
            var mde = ObservedSensitivity.MinimumDetectableEffect(se, effect.DegreesOfFreedom, alpha, protocol.Design.Power);
            result.Add(new DetectableEffect(c.Focal, c.Comparison, analysis.Wave, c.FocalN, c.ComparisonN, c.Clusters ?? 0, null, double.NaN,
                protocol.Design.Power, alpha, mde / sd, "(t(1 − α/2; df) + t(power; df)) × SE / SD, Bloom's multiplier on the estimate's own standard error")
            {
                Analysis = analysis.Code, Indicator = c.Indicator, StandardError = se, DegreesOfFreedom = effect.DegreesOfFreedom, OutcomeStandardDeviation = sd,
            });
        }
        return result.ToImmutable();
    }

    /// <summary>√(((n₁ − 1)s₁² + (n₂ − 1)s₂²) / (n₁ + n₂ − 2)) of the two groups at the wave; NaN when a group has no summary.</summary>
    private static double PooledStandardDeviation(ImmutableArray<IndicatorDescriptives> descriptives, string indicator, string wave, string focal, string comparison)
    {
        var groups = descriptives.FirstOrDefault(d => d.Indicator == indicator && d.Wave == wave)?.Groups;
        var a = groups?.FirstOrDefault(g => g.Group == focal)?.Summary;
        var b = groups?.FirstOrDefault(g => g.Group == comparison)?.Summary;
        if (a is null || b is null || a.N + b.N <= 2) return double.NaN;
        return Math.Sqrt(((a.N - 1) * a.StandardDeviation * a.StandardDeviation + (b.N - 1) * b.StandardDeviation * b.StandardDeviation) / (a.N + b.N - 2));
    }

    private static IEnumerable<ContrastSpec> Contrasts(Protocol protocol) =>
        protocol.Analyses.SelectMany(a => a.Contrasts).Concat(protocol.Groups.Where(g => g.Role == GroupRole.Comparison)
            .Select(g => new ContrastSpec(protocol.FocalGroup.Code, g.Code))).Distinct();

    /// <summary>The planning MDE of one contrast with the given sizes, under the protocol's assumptions.</summary>
    internal static DetectableEffect Compute(DesignAssumptions design, ContrastSpec contrast, string wave, int n1, int n2, int clusters)
    {
        // The blocked design needs more than two participants per school on average; below, the individual formula.
        if (design.Icc is { } icc && clusters >= 3 && (n1 + n2) / (double)clusters > 2)
        {
            var assumptions = new BlockedAssumptions(icc, n1 / (double)(n1 + n2), design.CovariateRSquared);
            var blocked = BlockedIndividualPower.MinimumDetectableEffect(clusters, (n1 + n2) / (double)clusters, assumptions, design.Power, design.Alpha);
            return new DetectableEffect(contrast.FocalCode, contrast.ComparisonCode, wave, n1, n2, clusters, icc, design.CovariateRSquared,
                design.Power, design.Alpha, blocked.EffectSize, blocked.Method);
        }
        var individual = TwoGroupPower.MinimumDetectableEffect(n1, n2, design.Power, design.Alpha, design.CovariateRSquared);
        return new DetectableEffect(contrast.FocalCode, contrast.ComparisonCode, wave, n1, n2, 0, null, design.CovariateRSquared,
            design.Power, design.Alpha, individual.EffectSize, individual.Method);
    }
}
