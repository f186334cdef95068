namespace ImpactEval.Data.Entities;

/// <summary>Where one run of a scheduled job stands.</summary>
public enum JobRunState
{
    /// <summary>The job is executing (or its process died while it was: see <see cref="Abandoned"/>).</summary>
    Running,

    /// <summary>The job did its work.</summary>
    Succeeded,

    /// <summary>The job found nothing to do (counts as a success).</summary>
    Skipped,

    /// <summary>This attempt failed and the scheduler will try again after a back-off delay.</summary>
    Retrying,

    /// <summary>The job failed for good: no attempt left. A notification was raised.</summary>
    Failed,

    /// <summary>The job was cancelled (shutdown past its timeout, or an operator's interrupt).</summary>
    Cancelled,

    /// <summary>The process running the job died (crash, SIGKILL); the scheduler ran it again as a recovery.</summary>
    Abandoned,
}
