namespace ImpactEval.Worker.Api;

/// <summary>A scheduled job as the API lists it.</summary>
/// <param name="Key">"group.name".</param>
/// <param name="Description">What the job does (French).</param>
/// <param name="RequestsRecovery">Whether a firing cut short by a crash is run again.</param>
/// <param name="Triggers">Its triggers.</param>
public sealed record JobView(string Key, string? Description, bool RequestsRecovery, IReadOnlyList<TriggerView> Triggers);

/// <summary>A trigger of a job.</summary>
/// <param name="Key">"group.name".</param>
/// <param name="Description">What fires it (French).</param>
/// <param name="State">Normal, Paused, Blocked (its job is running), Error, Complete…</param>
/// <param name="NextFireUtc">When it fires next, if ever.</param>
/// <param name="PreviousFireUtc">When it last fired.</param>
/// <param name="Calendar">The calendar whose days it skips (school holidays), if any.</param>
public sealed record TriggerView(string Key, string? Description, string State, DateTimeOffset? NextFireUtc, DateTimeOffset? PreviousFireUtc, string? Calendar);

/// <summary>The answer to "run this job now".</summary>
/// <param name="Job">The job, "group.name".</param>
/// <param name="Trigger">The one-shot trigger created, "group.name": its run appears in the history under this key.</param>
public sealed record TriggeredJob(string Job, string Trigger);
