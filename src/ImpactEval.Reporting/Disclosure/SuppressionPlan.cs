using System.Collections.Immutable;

namespace ImpactEval.Reporting.Disclosure;

/// <summary>
/// Which published counts are hidden, and the rules that follow for estimates: the outcome of
/// <see cref="DisclosureControl.Protect"/>, consulted by every section of the report model so that HTML,
/// workbook and PDF are protected by construction.
/// </summary>
/// <param name="Threshold">Smallest publishable count.</param>
/// <param name="Hidden">Keys of the hidden cells.</param>
/// <param name="PrimaryCount">Cells hidden because they were below the threshold.</param>
/// <param name="SecondaryCount">Cells hidden so that the others cannot be recovered by difference.</param>
public sealed record SuppressionPlan(int Threshold, ImmutableHashSet<string> Hidden, int PrimaryCount, int SecondaryCount)
{
    /// <summary>A plan that hides nothing (threshold 1).</summary>
    public static SuppressionPlan None { get; } = new(1, ImmutableHashSet<string>.Empty, 0, 0);

    /// <summary>Keys of the sensitive cells (primary suppressions: below the threshold, or dominance).</summary>
    public ImmutableHashSet<string> Primary { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Whether the cell is a primary suppression.</summary>
    public bool IsPrimary(string key) => Primary.Contains(key);

    /// <summary>Whether the cell is hidden.</summary>
    public bool IsHidden(string key) => Hidden.Contains(key);

    /// <summary>Whether an estimate computed on <paramref name="n"/> participants may be shown (n ≥ threshold).</summary>
    public bool AllowsEstimateOn(int n) => n >= Threshold;

    /// <summary>Whether anything was hidden.</summary>
    public bool Any => !Hidden.IsEmpty;
}
