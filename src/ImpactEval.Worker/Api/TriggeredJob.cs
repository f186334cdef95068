namespace ImpactEval.Worker.Api;

/// <summary>The answer to "run this job now".</summary>
/// <param name="Job">The job, "group.name".</param>
/// <param name="Trigger">The trigger name of the requested run: its run appears in the history under it.</param>
public sealed record TriggeredJob(string Job, string Trigger);
