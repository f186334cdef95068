namespace ImpactEval.Worker.Api;

/// <summary>A trigger of a job.</summary>
/// <param name="Key">"group.name".</param>
/// <param name="Description">What fires it (French).</param>
/// <param name="State">Normal, Paused (after a final failure, until resumed) or Error (Hangfire could not schedule it).</param>
/// <param name="NextFireUtc">When it fires next, if ever.</param>
/// <param name="PreviousFireUtc">When it last fired.</param>
/// <param name="Calendar">The days its job sends nothing on (weekends, a zone's school holidays), if any.</param>
public sealed record TriggerView(string Key, string? Description, string State, DateTimeOffset? NextFireUtc, DateTimeOffset? PreviousFireUtc, string? Calendar);
