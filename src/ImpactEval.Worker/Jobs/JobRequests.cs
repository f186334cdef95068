using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Enqueues fire-and-forget runs of the worker's jobs, each labelled with what requested it (the trigger the history
/// shows: "recompute.passerelles.on-change", "manual.…"). Recurring runs are created by Hangfire's recurring-job
/// scheduler instead, labelled with their recurring job.
/// </summary>
public sealed class JobRequests(IBackgroundJobClientV2 client)
{
    /// <summary>The Hangfire job parameter holding the trigger of a run that no recurring job created.</summary>
    public const string TriggerParameter = "Trigger";

    /// <summary>Enqueues <paramref name="job"/> now.</summary>
    /// <param name="job">A job of <see cref="JobCatalog"/>.</param>
    /// <param name="trigger">What requested it, "group.name".</param>
    /// <returns>The Hangfire job id.</returns>
    public string Enqueue(Job job, string trigger) =>
        client.Create(job, new EnqueuedState(), new Dictionary<string, object> { [TriggerParameter] = trigger });
}
