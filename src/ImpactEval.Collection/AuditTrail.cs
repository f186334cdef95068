using ImpactEval.Data;
using ImpactEval.Data.Entities;

namespace ImpactEval.Collection;

/// <summary>Adds audit entries (saved with the change they describe, in the same transaction).</summary>
public static class AuditTrail
{
    /// <summary>Adds one entry to the context; it is written by the next SaveChanges, with the change it describes.</summary>
    /// <param name="db">The store.</param>
    /// <param name="at">When (UTC).</param>
    /// <param name="actor">Who ("cli:…", "api:…", "web:…", "service:…").</param>
    /// <param name="action">What kind of action ("import.observations", "signin.success"…).</param>
    /// <param name="territoryId">The territory concerned, if any.</param>
    /// <param name="subject">What was acted on.</param>
    /// <param name="details">Details; never personal data.</param>
    public static void Add(ImpactEvalDbContext db, DateTime at, string actor, string action, int? territoryId, string subject, string? details) =>
        db.AuditEntries.Add(new AuditEntry { At = at, Actor = actor, Action = action, TerritoryId = territoryId, Subject = subject, Details = details });
}
