using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Identity;

/// <summary>Finds the participant a cité names by its identifier in a command (rights, cohort changes, corrections).</summary>
internal static class ParticipantLookup
{
    /// <summary>
    /// The participant with the identifier's pseudonym, else its pre-v3 pseudonym, else the one whose identifier differs
    /// only by case (same fold key: identifiers are compared case-insensitively); null when none. Tracked.
    /// </summary>
    public static async Task<Participant?> FindAsync(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, int territoryId, string territoryCode, string identifier,
        CancellationToken cancellationToken)
    {
        var keys = pseudonymiser.Keys(territoryCode, identifier);
        var legacy = keys.LegacyPseudonym ?? keys.Pseudonym;
        var candidates = await db.Participants
            .Where(p => p.TerritoryId == territoryId && (p.Pseudonym == keys.Pseudonym || p.Pseudonym == legacy || p.FoldKey == keys.FoldKey))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(p => p.Pseudonym == keys.Pseudonym) ?? candidates.FirstOrDefault(p => p.Pseudonym == legacy)
            ?? candidates.FirstOrDefault(p => p.FoldKey == keys.FoldKey);
    }
}
