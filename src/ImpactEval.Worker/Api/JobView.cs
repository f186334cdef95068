namespace ImpactEval.Worker.Api;

/// <summary>A scheduled job as the API lists it.</summary>
/// <param name="Key">"group.name".</param>
/// <param name="Description">What the job does (French).</param>
/// <param name="RequestsRecovery">Whether a firing cut short by a crash is run again.</param>
/// <param name="Triggers">Its triggers.</param>
public sealed record JobView(string Key, string? Description, bool RequestsRecovery, IReadOnlyList<TriggerView> Triggers);
