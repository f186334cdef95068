using ImpactEval.Data;
using ImpactEval.Data.Entities;

namespace ImpactEval.Collection;

/// <summary>Adds audit entries (saved with the change they describe, in the same transaction).</summary>
internal static class AuditTrail
{
    public static void Add(ImpactEvalDbContext db, DateTime at, string actor, string action, int? territoryId, string subject, string? details) =>
        db.AuditEntries.Add(new AuditEntry { At = at, Actor = actor, Action = action, TerritoryId = territoryId, Subject = subject, Details = details });
}
