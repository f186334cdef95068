namespace ImpactEval.Data.Entities;

/// <summary>One transition of a <see cref="Submission"/>: who made it, when, from which state to which, and the comment.</summary>
public sealed class SubmissionEvent
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The submission.</summary>
    public int SubmissionId { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Who ("web:…", "api:…", "cli:…").</summary>
    public required string Actor { get; set; }

    /// <summary>The state before.</summary>
    public SubmissionState From { get; set; }

    /// <summary>The state after.</summary>
    public SubmissionState To { get; set; }

    /// <summary>The comment (required when returning for correction), or null.</summary>
    public string? Comment { get; set; }
}
