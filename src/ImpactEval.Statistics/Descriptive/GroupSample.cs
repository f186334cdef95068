namespace ImpactEval.Statistics;

/// <summary>
/// The values of one indicator for one group (a cohort, an arm, a wave of a cohort), with the label
/// the caller uses for that group in reports (e.g. "BEN", "Crèche", "Éloignés").
/// </summary>
/// <param name="Label">Caller-chosen group label, used in results and in French messages.</param>
/// <param name="Values">
/// One value per participant, in the indicator's unit (or its numeric code for ordinal, categorical
/// and binary indicators); <see cref="double.NaN"/> marks a missing value. Infinite values are not allowed.
/// </param>
/// <remarks>
/// Every function of the descriptive and contrast families drops the missing values of a group and
/// reports how many it used (and, for descriptives, how many were missing). To build groups from a
/// long table (one value and one group code per participant), use <see cref="Split"/>.
/// </remarks>
public sealed record GroupSample(string Label, ReadOnlyMemory<double> Values)
{
    /// <summary>Creates a group from an array of values (NaN = missing).</summary>
    /// <param name="label">Caller-chosen group label.</param>
    /// <param name="values">Values, NaN for missing; the array is copied.</param>
    public static GroupSample Of(string label, params double[] values) => new(label, values.ToArray());

    /// <summary>
    /// Splits a long table into groups: participant i belongs to group <c>groupCodes[i]</c>, an index
    /// into <paramref name="labels"/>. Groups keep the order of <paramref name="labels"/>, participants
    /// their order in the table; a group with no participant is returned empty (estimators will then
    /// say so in French).
    /// </summary>
    /// <param name="values">Outcome per participant (NaN = missing).</param>
    /// <param name="groupCodes">Group index per participant, in [0, labels.Count).</param>
    /// <param name="labels">Group labels, one per code.</param>
    /// <exception cref="ArgumentException">Lengths differ, a code is out of range, or labels repeat.</exception>
    public static IReadOnlyList<GroupSample> Split(ReadOnlySpan<double> values, ReadOnlySpan<int> groupCodes, IReadOnlyList<string> labels)
    {
        if (values.Length != groupCodes.Length)
            throw new ArgumentException("values and groupCodes must have the same length.", nameof(groupCodes));
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
            throw new ArgumentException("Group labels must be distinct.", nameof(labels));
        var counts = new int[labels.Count];
        foreach (var code in groupCodes)
        {
            if (code < 0 || code >= labels.Count)
                throw new ArgumentException($"Group code {code} is outside [0, {labels.Count}).", nameof(groupCodes));
            counts[code]++;
        }
        var buffers = new double[labels.Count][];
        for (var g = 0; g < labels.Count; g++) buffers[g] = new double[counts[g]];
        var filled = new int[labels.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var g = groupCodes[i];
            buffers[g][filled[g]++] = values[i];
        }
        var result = new GroupSample[labels.Count];
        for (var g = 0; g < labels.Count; g++) result[g] = new GroupSample(labels[g], buffers[g]);
        return result;
    }

    /// <summary>Number of values given, missing included.</summary>
    public int Count => Values.Length;

    /// <summary>Number of missing (NaN) values.</summary>
    public int MissingCount
    {
        get
        {
            var missing = 0;
            foreach (var v in Values.Span) if (double.IsNaN(v)) missing++;
            return missing;
        }
    }

    /// <summary>The non-missing values, in their original order (a new array).</summary>
    /// <exception cref="ArgumentException">A value is infinite.</exception>
    internal double[] ObservedValues()
    {
        var span = Values.Span;
        var result = new double[span.Length - MissingCount];
        var k = 0;
        foreach (var v in span)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v))
                throw new ArgumentException($"Group '{Label}' contains an infinite value.", nameof(Values));
            result[k++] = v;
        }
        return result;
    }
}
