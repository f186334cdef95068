namespace ImpactEval.Core.Model;

/// <summary>Which way an indicator improves, so that reports can say "favourable" or "défavorable".</summary>
public enum Direction
{
    /// <summary>A higher value is better (e.g. involvement rating, attendance).</summary>
    HigherIsBetter,

    /// <summary>A lower value is better (e.g. absences, lateness).</summary>
    LowerIsBetter,
}
