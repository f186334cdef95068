using ImpactEval.Data.Entities;

namespace ImpactEval.Worker.History;

/// <summary>One run of a job as the API and <c>impacteval jobs</c> show it.</summary>
/// <param name="Id">The run's identifier.</param>
/// <param name="Job">The job's key, "group.name".</param>
/// <param name="Trigger">The trigger's key, "group.name".</param>
/// <param name="Node">The scheduler instance that ran it.</param>
/// <param name="ScheduledAt">When it was due (UTC).</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="EndedAt">When it ended (UTC), null while running.</param>
/// <param name="Status">How it stands or ended.</param>
/// <param name="Attempt">0 for a regular firing, n for the n-th retry.</param>
/// <param name="Recovering">True when it re-ran a firing whose process died.</param>
/// <param name="Summary">What it did (French).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Inputs">The versions of its inputs, as JSON.</param>
public sealed record JobRunView(
    long Id, string Job, string Trigger, string Node, DateTime ScheduledAt, DateTime StartedAt, DateTime? EndedAt,
    JobRunState Status, int Attempt, bool Recovering, string? Summary, string? Error, string? Inputs);
