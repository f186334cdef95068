namespace ImpactEval.Worker.Api;

/// <summary>A protocol as <c>GET /api/protocols</c> lists it.</summary>
/// <param name="Id">The protocol's identifier ("passerelles"), used in the other routes.</param>
/// <param name="Title">Its title (French).</param>
/// <param name="Version">Its current registered version.</param>
/// <param name="Territory">The code of the cité that owns it.</param>
/// <param name="TerritoryName">The cité's name, if known.</param>
/// <param name="EstimatedAt">When its latest estimates were computed (UTC), or null when none yet.</param>
public sealed record ProtocolView(string Id, string Title, int Version, string Territory, string? TerritoryName, DateTime? EstimatedAt);
