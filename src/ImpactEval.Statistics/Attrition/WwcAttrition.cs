using System.Collections.Immutable;
using System.Globalization;

namespace ImpactEval.Statistics;

/// <summary>
/// Overall and differential sample attrition judged against the What Works Clearinghouse attrition
/// standard (WWC Procedures and Standards Handbook, Version 5.0, 2022; the boundary itself is
/// unchanged since Version 3.0 and tabulated as Table II.1 of the Standards Handbook, Version 4.1,
/// 2020: "highest differential attrition rate for a sample to maintain low attrition, by overall
/// attrition rate, under optimistic and cautious assumptions").
/// </summary>
/// <remarks>
/// <para>Source of the numbers: the table below is encoded from the WWC Standards Handbook v4.1,
/// Table II.1, as transcribed in the CRAN package <c>baselinr</c> (function
/// <c>attrition_boundary</c>), checked against our recollection of the Handbook; it has not been
/// re-read from the v5.0 PDF, which we believe reproduces the same boundary. Overall attrition runs
/// from 0 to 65 % in whole percentages; the cautious boundary stops at 57 % (from 58 % on, attrition
/// is high whatever the differential) and the optimistic one at 65 %.</para>
/// <para>Rates between whole percentages: no interpolation. The overall rate is bracketed by the two
/// neighbouring whole percentages and the smaller of their two boundary values is used (the
/// conservative choice); a rate above the last tabulated percentage is high attrition. Differential
/// attrition is compared unrounded (≤ boundary, with a 1e-9 point tolerance for rounding).</para>
/// <para>Overall attrition of a contrast = units not observed / units enrolled, both groups together;
/// differential attrition = |attrition rate of the focal group − that of the comparison group|.
/// With three groups each comparison group forms its own contrast with the focal group.</para>
/// </remarks>
public static class WwcAttrition
{
    // Index = overall attrition in whole percent (0..57 cautious, 0..65 optimistic); values in percentage points.
    private static readonly double[] CautiousTable =
    [
        5.7, 5.8, 5.9, 5.9, 6.0, 6.1, 6.2, 6.3, 6.3, 6.3, 6.3, 6.2, 6.2, 6.1, 6.0,
        5.9, 5.9, 5.8, 5.7, 5.5, 5.4, 5.3, 5.2, 5.1, 4.9, 4.8, 4.7, 4.5, 4.4, 4.3,
        4.1, 4.0, 3.8, 3.6, 3.5, 3.3, 3.2, 3.1, 2.9, 2.8, 2.6, 2.5, 2.3, 2.1, 2.0,
        1.8, 1.6, 1.5, 1.3, 1.2, 1.0, 0.9, 0.7, 0.6, 0.4, 0.3, 0.2, 0.0,
    ];

    private static readonly double[] OptimisticTable =
    [
        10.0, 10.1, 10.2, 10.3, 10.4, 10.5, 10.7, 10.8, 10.9, 10.9, 10.9, 10.9,
        10.9, 10.8, 10.8, 10.7, 10.6, 10.5, 10.3, 10.2, 10.0, 9.9, 9.7, 9.5, 9.4,
        9.2, 9.0, 8.8, 8.6, 8.4, 8.2, 8.0, 7.8, 7.6, 7.4, 7.2, 7.0, 6.7, 6.5, 6.3,
        6.0, 5.8, 5.6, 5.3, 5.1, 4.9, 4.6, 4.4, 4.2, 3.9, 3.7, 3.5, 3.2, 3.0, 2.8,
        2.6, 2.3, 2.1, 1.9, 1.6, 1.4, 1.1, 0.9, 0.7, 0.5, 0.3,
    ];

    /// <summary>Largest differential attrition (percentage points) still rated low for a given overall attrition rate.</summary>
    /// <param name="overallAttritionRate">Overall attrition as a proportion in [0, 1].</param>
    /// <param name="boundary">Cautious or optimistic boundary.</param>
    /// <returns>The boundary in percentage points, or null when the overall rate lies beyond the table (high attrition).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside [0, 1] or NaN.</exception>
    public static double? MaximumDifferentialPoints(double overallAttritionRate, AttritionBoundary boundary)
    {
        if (!(overallAttritionRate >= 0 && overallAttritionRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(overallAttritionRate), overallAttritionRate, "Attrition rate must lie in [0, 1].");
        var table = boundary == AttritionBoundary.Cautious ? CautiousTable : OptimisticTable;
        var percent = overallAttritionRate * 100;
        // Snap values that are whole percentages up to rounding (e.g. 0.29 * 100 = 28.999999999999996).
        var nearest = Math.Round(percent);
        if (Math.Abs(percent - nearest) < 1e-9) percent = nearest;
        var lo = (int)Math.Floor(percent);
        var hi = (int)Math.Ceiling(percent);
        if (hi >= table.Length) return null;
        return Math.Min(table[lo], table[hi]);
    }

    /// <summary>Whether an (overall, differential) pair is low attrition under the boundary.</summary>
    /// <param name="overallAttritionRate">Overall attrition, proportion in [0, 1].</param>
    /// <param name="differentialAttritionPoints">Differential attrition in percentage points (absolute value used).</param>
    /// <param name="boundary">Cautious or optimistic boundary.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside its range or NaN.</exception>
    public static bool IsLowAttrition(double overallAttritionRate, double differentialAttritionPoints, AttritionBoundary boundary)
    {
        if (double.IsNaN(differentialAttritionPoints) || Math.Abs(differentialAttritionPoints) > 100)
            throw new ArgumentOutOfRangeException(nameof(differentialAttritionPoints), differentialAttritionPoints, "Differential attrition must lie in [-100, 100] points.");
        var max = MaximumDifferentialPoints(overallAttritionRate, boundary);
        return max is { } m && Math.Abs(differentialAttritionPoints) <= m + 1e-9;
    }

    /// <summary>Attrition at one wave for each contrast between the focal group and another group.</summary>
    /// <param name="group">Group code of every enrolled unit, 0 … groupLabels.Count − 1 (negative = not enrolled, ignored).</param>
    /// <param name="observed">Whether the unit has the outcome at this wave.</param>
    /// <param name="groupLabels">Group labels indexed by code.</param>
    /// <param name="focalGroup">Code of the focal group.</param>
    /// <param name="boundary">WWC boundary to apply (chosen by the protocol, not after seeing the data).</param>
    /// <param name="wave">Wave label copied into the results (e.g. "T1 (juin 2025)").</param>
    /// <returns>One assessment per comparison group, in code order.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a code is out of range.</exception>
    /// <exception cref="StatisticsException">A group has no enrolled unit.</exception>
    public static ImmutableArray<AttritionAssessment> Assess(
        ReadOnlySpan<int> group,
        ReadOnlySpan<bool> observed,
        IReadOnlyList<string> groupLabels,
        int focalGroup,
        AttritionBoundary boundary,
        string wave = "")
    {
        ArgumentNullException.ThrowIfNull(groupLabels);
        if (group.Length != observed.Length) throw new ArgumentException("group and observed must have the same length.", nameof(observed));
        if (focalGroup < 0 || focalGroup >= groupLabels.Count) throw new ArgumentException("Focal group out of range.", nameof(focalGroup));
        var enrolled = new int[groupLabels.Count];
        var seen = new int[groupLabels.Count];
        for (var i = 0; i < group.Length; i++)
        {
            var g = group[i];
            if (g < 0) continue;
            if (g >= groupLabels.Count) throw new ArgumentException($"Group code {g} at row {i} has no label.", nameof(group));
            enrolled[g]++;
            if (observed[i]) seen[g]++;
        }
        for (var g = 0; g < groupLabels.Count; g++)
            if (enrolled[g] == 0)
                throw new StatisticsException($"Le groupe « {groupLabels[g]} » ne compte aucune unité inscrite : son attrition ne peut pas être calculée.");
        var result = ImmutableArray.CreateBuilder<AttritionAssessment>(groupLabels.Count - 1);
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        for (var c = 0; c < groupLabels.Count; c++)
        {
            if (c == focalGroup) continue;
            var rf = 1 - (double)seen[focalGroup] / enrolled[focalGroup];
            var rc = 1 - (double)seen[c] / enrolled[c];
            var overall = 1 - (double)(seen[focalGroup] + seen[c]) / (enrolled[focalGroup] + enrolled[c]);
            var diff = Math.Abs(rf - rc) * 100;
            var max = MaximumDifferentialPoints(overall, boundary);
            var low = max is { } m && diff <= m + 1e-9;
            var verdict = low ? "attrition faible" : "attrition élevée";
            var which = boundary == AttritionBoundary.Cautious ? "prudente" : "optimiste";
            var limit = max is { } mm
                ? string.Format(fr, "différentielle maximale admise {0:0.0} points", mm)
                : "au-delà de la frontière quel que soit l'écart entre groupes";
            var explanation = string.Format(fr,
                "{0} : attrition globale {1:0.0} %, différentielle {2:0.0} points (« {3} » {4:0.0} %, « {5} » {6:0.0} %) ; frontière {7} du WWC, {8}.",
                char.ToUpper(verdict[0], fr) + verdict[1..], overall * 100, diff, groupLabels[focalGroup], rf * 100, groupLabels[c], rc * 100, which, limit);
            result.Add(new AttritionAssessment(wave, groupLabels[focalGroup], groupLabels[c], enrolled[focalGroup], seen[focalGroup],
                enrolled[c], seen[c], rf, rc, overall, diff, boundary, max, low, verdict, explanation));
        }
        return result.MoveToImmutable();
    }
}
