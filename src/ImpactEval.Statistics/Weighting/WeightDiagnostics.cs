using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>One of the largest weights of a group, with its input row.</summary>
/// <param name="Row">Input row index (0-based).</param>
/// <param name="Weight">The weight.</param>
public readonly record struct RankedWeight(int Row, double Weight);

/// <summary>Weight statistics of one group, as R's <c>summary.weightit</c> reports them.</summary>
/// <param name="Group">Group label.</param>
/// <param name="N">Number of units in the group.</param>
/// <param name="SumOfWeights">Σw.</param>
/// <param name="EffectiveSampleSize">Kish's effective sample size (Σw)² / Σw² (WeightIt's <c>ESS()</c>); equals N for equal weights.</param>
/// <param name="MinimumPositiveWeight">Smallest non-zero weight.</param>
/// <param name="MaximumWeight">Largest weight.</param>
/// <param name="CoefficientOfVariation">sd(w) / mean(w), sd with the n − 1 denominator (WeightIt's "Coef of Var"); NaN with a warning when N = 1.</param>
/// <param name="ZeroWeights">Number of zero weights.</param>
/// <param name="LargestWeights">The largest weights (up to <c>top</c>), largest first.</param>
/// <param name="Warnings">French messages.</param>
public sealed record GroupWeightSummary(
    string Group,
    int N,
    double SumOfWeights,
    double EffectiveSampleSize,
    double MinimumPositiveWeight,
    double MaximumWeight,
    double CoefficientOfVariation,
    int ZeroWeights,
    ImmutableArray<RankedWeight> LargestWeights,
    ImmutableArray<string> Warnings);

/// <summary>
/// Overlap of the propensity score between the focal group and one comparison group, on the
/// score s(x) = p_focal(x) / (p_focal(x) + p_comparison(x)) — the probability of being focal
/// rather than in that comparison group, which is the ordinary propensity score when there are
/// only two groups. The common support is the min–max rule's interval
/// [max(min_focal, min_comp), min(max_focal, max_comp)] (as MatchIt's <c>discard = "both"</c>);
/// a unit is outside when its score lies beyond that interval by more than 1e-10.
/// </summary>
/// <param name="FocalGroup">Focal group label.</param>
/// <param name="ComparisonGroup">Comparison group label.</param>
/// <param name="FocalMinimum">Smallest score among focal units.</param>
/// <param name="FocalMaximum">Largest score among focal units.</param>
/// <param name="ComparisonMinimum">Smallest score among comparison units.</param>
/// <param name="ComparisonMaximum">Largest score among comparison units.</param>
/// <param name="CommonSupportLower">Lower end of the common support.</param>
/// <param name="CommonSupportUpper">Upper end of the common support (below the lower end when the ranges do not overlap at all).</param>
/// <param name="FocalOutside">Focal units whose score lies outside the common support.</param>
/// <param name="ComparisonOutside">Comparison units outside the common support.</param>
/// <param name="FocalShareOutside">FocalOutside / number of focal units.</param>
/// <param name="ComparisonShareOutside">ComparisonOutside / number of comparison units.</param>
/// <param name="Warnings">French messages (units outside the support, no overlap).</param>
public sealed record PropensityOverlap(
    string FocalGroup,
    string ComparisonGroup,
    double FocalMinimum,
    double FocalMaximum,
    double ComparisonMinimum,
    double ComparisonMaximum,
    double CommonSupportLower,
    double CommonSupportUpper,
    int FocalOutside,
    int ComparisonOutside,
    double FocalShareOutside,
    double ComparisonShareOutside,
    ImmutableArray<string> Warnings);

/// <summary>Diagnostics of propensity weights and of propensity-score overlap (WeightIt's <c>summary()</c> and a common-support check).</summary>
public static class WeightDiagnostics
{
    /// <summary>Per-group weight statistics: effective sample size, range, largest weights, coefficient of variation.</summary>
    /// <param name="weights">Non-negative weight per unit.</param>
    /// <param name="group">Group code per unit, 0 … groupLabels.Count − 1.</param>
    /// <param name="groupLabels">Group labels indexed by code.</param>
    /// <param name="top">How many of the largest weights to list per group (WeightIt's <c>top</c>, default 5).</param>
    /// <exception cref="ArgumentException">Lengths differ, a weight is negative or NaN, or a code is out of range.</exception>
    /// <exception cref="StatisticsException">A group has no unit, or all its weights are zero.</exception>
    public static ImmutableArray<GroupWeightSummary> Summarize(ReadOnlySpan<double> weights, ReadOnlySpan<int> group, IReadOnlyList<string> groupLabels, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(groupLabels);
        if (weights.Length != group.Length) throw new ArgumentException("weights and group must have the same length.", nameof(group));
        var g = groupLabels.Count;
        var lists = new List<int>[g];
        for (var k = 0; k < g; k++) lists[k] = new List<int>();
        for (var i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0) || double.IsInfinity(weights[i])) throw new ArgumentException($"Weight at row {i} is {weights[i]}; weights must be finite and non-negative.", nameof(weights));
            if (group[i] < 0 || group[i] >= g) throw new ArgumentException($"Group code {group[i]} at row {i} is out of range.", nameof(group));
            lists[group[i]].Add(i);
        }
        var result = ImmutableArray.CreateBuilder<GroupWeightSummary>(g);
        for (var k = 0; k < g; k++)
        {
            var rows = lists[k];
            if (rows.Count == 0) throw new StatisticsException($"Le groupe « {groupLabels[k]} » ne compte aucune unité : ses poids ne peuvent pas être décrits.");
            double sum = 0, sum2 = 0, max = 0, minPos = double.PositiveInfinity;
            var zeros = 0;
            foreach (var i in rows)
            {
                var w = weights[i];
                sum += w; sum2 += w * w;
                if (w > max) max = w;
                if (w > 0 && w < minPos) minPos = w;
                if (w == 0) zeros++;
            }
            if (sum == 0) throw new StatisticsException($"Tous les poids du groupe « {groupLabels[k]} » sont nuls : ce groupe ne contribue plus à l'analyse pondérée.");
            var warnings = ImmutableArray.CreateBuilder<string>();
            var mean = sum / rows.Count;
            double cv;
            if (rows.Count < 2)
            {
                cv = double.NaN;
                warnings.Add($"Le groupe « {groupLabels[k]} » ne compte qu'une unité : le coefficient de variation des poids n'est pas défini.");
            }
            else
            {
                var ss = 0.0;
                foreach (var i in rows) ss += (weights[i] - mean) * (weights[i] - mean);
                cv = Math.Sqrt(ss / (rows.Count - 1)) / mean;
            }
            var ess = sum * sum / sum2;
            if (ess < 0.5 * rows.Count)
                warnings.Add($"Groupe « {groupLabels[k]} » : la taille d'échantillon effective ({ess:0.0}) est inférieure à la moitié de l'effectif ({rows.Count}) ; quelques unités pèsent beaucoup.");
            var ranked = new RankedWeight[rows.Count];
            for (var r = 0; r < rows.Count; r++) ranked[r] = new RankedWeight(rows[r], weights[rows[r]]);
            var largest = ranked.OrderByDescending(x => x.Weight).ThenBy(x => x.Row).Take(Math.Max(0, top)).ToImmutableArray();
            result.Add(new GroupWeightSummary(groupLabels[k], rows.Count, sum, ess, minPos, max, cv, zeros, largest, warnings.ToImmutable()));
        }
        return result.MoveToImmutable();
    }

    /// <summary>Overlap of the focal-vs-comparison propensity score for each comparison group.</summary>
    /// <param name="probabilities">Group-membership probabilities, row-major (rows × groupCount), e.g. <see cref="MultinomialLogitResult.Probabilities"/>.</param>
    /// <param name="groupCount">Number of groups.</param>
    /// <param name="group">Group code per row.</param>
    /// <param name="groupLabels">Group labels indexed by code.</param>
    /// <param name="focalGroup">Code of the focal group.</param>
    /// <exception cref="ArgumentException">Sizes disagree or a code is out of range.</exception>
    /// <exception cref="StatisticsException">A probability is missing or a group has no unit.</exception>
    public static ImmutableArray<PropensityOverlap> Overlap(ReadOnlySpan<double> probabilities, int groupCount, ReadOnlySpan<int> group, IReadOnlyList<string> groupLabels, int focalGroup)
    {
        ArgumentNullException.ThrowIfNull(groupLabels);
        if (probabilities.Length != group.Length * groupCount || groupLabels.Count != groupCount)
            throw new ArgumentException("probabilities must hold rows × groupCount values and groupLabels one label per group.", nameof(probabilities));
        if (focalGroup < 0 || focalGroup >= groupCount) throw new ArgumentException("Focal group out of range.", nameof(focalGroup));
        var result = ImmutableArray.CreateBuilder<PropensityOverlap>(groupCount - 1);
        for (var c = 0; c < groupCount; c++)
        {
            if (c == focalGroup) continue;
            var focalScores = new List<double>();
            var compScores = new List<double>();
            for (var i = 0; i < group.Length; i++)
            {
                var g = group[i];
                if (g < 0 || g >= groupCount) throw new ArgumentException($"Group code {g} at row {i} is out of range.", nameof(group));
                if (g != focalGroup && g != c) continue;
                var pf = probabilities[i * groupCount + focalGroup];
                var pc = probabilities[i * groupCount + c];
                if (double.IsNaN(pf) || double.IsNaN(pc))
                    throw new StatisticsException($"L'unité n° {i + 1} n'a pas de score de propension : le support commun ne peut pas être évalué.");
                var s = pf / (pf + pc);
                (g == focalGroup ? focalScores : compScores).Add(s);
            }
            result.Add(Summarize(focalScores, compScores, groupLabels[focalGroup], groupLabels[c]));
        }
        return result.MoveToImmutable();
    }

    /// <summary>Overlap of a binary propensity score e(x) = P(focal | x) between focal and comparison units.</summary>
    /// <param name="propensity">P(focal | x) per unit.</param>
    /// <param name="focal">True for focal units.</param>
    /// <param name="focalLabel">Label of the focal group.</param>
    /// <param name="comparisonLabel">Label of the comparison group.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="StatisticsException">A propensity is missing or a group is empty.</exception>
    public static PropensityOverlap Overlap(ReadOnlySpan<double> propensity, ReadOnlySpan<bool> focal, string focalLabel = "focal", string comparisonLabel = "comparaison")
    {
        if (propensity.Length != focal.Length) throw new ArgumentException("propensity and focal must have the same length.", nameof(focal));
        var f = new List<double>();
        var c = new List<double>();
        for (var i = 0; i < propensity.Length; i++)
        {
            if (double.IsNaN(propensity[i])) throw new StatisticsException($"L'unité n° {i + 1} n'a pas de score de propension : le support commun ne peut pas être évalué.");
            (focal[i] ? f : c).Add(propensity[i]);
        }
        return Summarize(f, c, focalLabel, comparisonLabel);
    }

    private static PropensityOverlap Summarize(List<double> focal, List<double> comp, string focalLabel, string compLabel)
    {
        if (focal.Count == 0) throw new StatisticsException($"Le groupe « {focalLabel} » ne compte aucune unité : le support commun ne peut pas être évalué.");
        if (comp.Count == 0) throw new StatisticsException($"Le groupe « {compLabel} » ne compte aucune unité : le support commun ne peut pas être évalué.");
        double fMin = focal.Min(), fMax = focal.Max(), cMin = comp.Min(), cMax = comp.Max();
        var lo = Math.Max(fMin, cMin);
        var hi = Math.Min(fMax, cMax);
        // Beyond the interval by more than 1e-10: tied scores equal up to rounding count as inside.
        const double tol = 1e-10;
        var fOut = focal.Count(s => s < lo - tol || s > hi + tol);
        var cOut = comp.Count(s => s < lo - tol || s > hi + tol);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (lo > hi)
            warnings.Add($"Aucun recouvrement des scores de propension entre « {focalLabel} » et « {compLabel} » : la comparaison repose entièrement sur une extrapolation.");
        else if (fOut + cOut > 0)
            warnings.Add($"{fOut} unité(s) de « {focalLabel} » et {cOut} unité(s) de « {compLabel} » sont hors du support commun [{lo:0.###} ; {hi:0.###}].");
        return new PropensityOverlap(focalLabel, compLabel, fMin, fMax, cMin, cMax, lo, hi, fOut, cOut,
            (double)fOut / focal.Count, (double)cOut / comp.Count, warnings.ToImmutable());
    }
}
