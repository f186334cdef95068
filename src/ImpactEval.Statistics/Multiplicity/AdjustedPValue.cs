using System.Globalization;

namespace ImpactEval.Statistics;

/// <summary>
/// A p-value adjusted for multiple testing, kept apart from raw p-values so the two cannot be mixed
/// up: it carries the procedure, the size of the family and the unadjusted value it came from.
/// </summary>
/// <param name="Value">Adjusted p-value in [0, 1]; NaN when the raw p-value was missing.</param>
/// <param name="Unadjusted">The raw p-value it was computed from (NaN when missing).</param>
/// <param name="Correction">The adjustment procedure.</param>
/// <param name="FamilySize">Number of non-missing p-values in the family (R's n).</param>
public readonly record struct AdjustedPValue(double Value, double Unadjusted, MultiplicityCorrection Correction, int FamilySize)
{
    /// <summary>Whether the raw p-value was missing (then <see cref="Value"/> is NaN).</summary>
    public bool IsMissing => double.IsNaN(Value);

    /// <summary>Whether the adjusted p-value is at most <paramref name="alpha"/> (false when missing).</summary>
    /// <param name="alpha">Error rate controlled by the procedure, in (0, 1), e.g. 0.05.</param>
    public bool IsAtMost(double alpha) => Value <= alpha;

    /// <summary>The adjusted value with its procedure, e.g. "0.0123 (Holm, m = 6)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value:G4} ({Correction}, m = {FamilySize})");
}
