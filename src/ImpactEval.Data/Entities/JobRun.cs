namespace ImpactEval.Data.Entities;

/// <summary>
/// One run of a scheduled job (recomputation, reminder, closing of a campaign…), kept in ImpactEval's own
/// tables so that <c>impacteval jobs</c> and the API can show what ran, where, when, on which inputs and how it ended.
/// </summary>
public sealed class JobRun
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The job's group (e.g. "recompute").</summary>
    public required string JobGroup { get; set; }

    /// <summary>The job's name within its group (e.g. the protocol code "passerelles").</summary>
    public required string JobName { get; set; }

    /// <summary>The key of the trigger that fired it, "group.name" (e.g. "recompute.passerelles-nightly").</summary>
    public required string Trigger { get; set; }

    /// <summary>The scheduler's identifier of this firing.</summary>
    public required string FireInstanceId { get; set; }

    /// <summary>The scheduler instance (node) that ran it.</summary>
    public required string Node { get; set; }

    /// <summary>When the trigger was due (UTC): with <see cref="Trigger"/>, identifies one scheduled occurrence.</summary>
    public DateTime ScheduledAt { get; set; }

    /// <summary>When the run started (UTC).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When the run ended (UTC), null while running.</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>How the run stands or ended.</summary>
    public JobRunState Status { get; set; }

    /// <summary>0 for a regular firing, n for the n-th retry of the same occurrence.</summary>
    public int Attempt { get; set; }

    /// <summary>True when the run re-executes a firing whose process died.</summary>
    public bool Recovering { get; set; }

    /// <summary>What the run did, in French, one line.</summary>
    public string? Summary { get; set; }

    /// <summary>The error of a failed attempt (message of the exception and of its causes).</summary>
    public string? Error { get; set; }

    /// <summary>The versions of the inputs the run worked on (protocol version, data fingerprint, last import…), as JSON.</summary>
    public string? Inputs { get; set; }
}
