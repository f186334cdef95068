namespace ImpactEval.Worker.Api;

/// <summary>The answer to "run this job now".</summary>
/// <param name="Job">The job, "group.name".</param>
/// <param name="Trigger">The one-shot trigger created, "group.name": its run appears in the history under this key.</param>
public sealed record TriggeredJob(string Job, string Trigger);
