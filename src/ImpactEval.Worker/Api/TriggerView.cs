namespace ImpactEval.Worker.Api;

/// <summary>A trigger of a job.</summary>
/// <param name="Key">"group.name".</param>
/// <param name="Description">What fires it (French).</param>
/// <param name="State">Normal, Paused, Blocked (its job is running), Error, Complete…</param>
/// <param name="NextFireUtc">When it fires next, if ever.</param>
/// <param name="PreviousFireUtc">When it last fired.</param>
/// <param name="Calendar">The calendar whose days it skips (school holidays), if any.</param>
public sealed record TriggerView(string Key, string? Description, string State, DateTimeOffset? NextFireUtc, DateTimeOffset? PreviousFireUtc, string? Calendar);
