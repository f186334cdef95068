using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis;

/// <summary>
/// Minimum detectable effects of the protocol's contrasts, for sizing (planned group sizes) and for reading results
/// (observed sizes at each analysed wave). With a known ICC and a clustering unit, groups mixed within schools are
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
            .Select(c => Compute(protocol.Design, c, "prévu", protocol.FindGroup(c.FocalCode)!.PlannedSize!.Value, protocol.FindGroup(c.ComparisonCode)!.PlannedSize!.Value, clusters))];
    }

    /// <summary>MDEs with the sizes observed at each analysed wave.</summary>
    public static ImmutableArray<DetectableEffect> Observed(Protocol protocol, AnalysisDataset dataset)
    {
        var result = ImmutableArray.CreateBuilder<DetectableEffect>();
        foreach (var wave in protocol.Analyses.Select(a => a.WaveCode).Distinct())
        {
            var observed = ProtocolAnalysis.ObservedAt(protocol, dataset, wave);
            foreach (var contrast in Contrasts(protocol))
            {
                int n1 = 0, n2 = 0;
                var schools = new HashSet<string?>();
                for (var i = 0; i < dataset.Count; i++)
                {
                    if (!observed[i]) continue;
                    if (dataset.Groups[i] == contrast.FocalCode) n1++;
                    else if (dataset.Groups[i] == contrast.ComparisonCode) n2++;
                    else continue;
                    schools.Add(dataset.Clusters[i]);
                }
                if (n1 < 2 || n2 < 2) continue;
                result.Add(Compute(protocol.Design, contrast, wave, n1, n2, protocol.Cluster is null ? 0 : schools.Count));
            }
        }
        return result.ToImmutable();
    }

    private static IEnumerable<ContrastSpec> Contrasts(Protocol protocol) =>
        protocol.Analyses.SelectMany(a => a.Contrasts).Concat(protocol.Groups.Where(g => g.Role == GroupRole.Comparison)
            .Select(g => new ContrastSpec(protocol.FocalGroup.Code, g.Code))).Distinct();

    private static DetectableEffect Compute(DesignAssumptions design, ContrastSpec contrast, string wave, int n1, int n2, int clusters)
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
