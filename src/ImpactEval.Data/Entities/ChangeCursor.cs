namespace ImpactEval.Data.Entities;

/// <summary>
/// How far the worker has read one append-only table of data changes (imports, observations, corrections, cohort
/// status and group changes): rows with a greater id are changes it has not yet turned into a recomputation.
/// </summary>
public sealed class ChangeCursor
{
    /// <summary>The table read ("imports", "observations", "observation_revisions", "enrolment_status_changes", "group_changes").</summary>
    public required string Source { get; set; }

    /// <summary>The greatest id already seen.</summary>
    public long LastId { get; set; }

    /// <summary>When the cursor last moved (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
