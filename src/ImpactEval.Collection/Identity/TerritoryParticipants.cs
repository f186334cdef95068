using ImpactEval.Collection.Import;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Identity;

/// <summary>
/// The participants and tombstones of one territory, as an enrolment import sees them inside its transaction: who each
/// row of the file is, or why it cannot be anyone. Never holds an identifier, only keys.
/// </summary>
/// <remarks>
/// A row is the stored participant with its pseudonym; else the one with its pre-v3 pseudonym (an identifier once
/// written in decomposed Unicode), whose pseudonym is then normalised (audited); else it would be a new participant,
/// refused when it differs from a stored one only by case (same fold key) or when it was erased — unless the import
/// re-enrols erased participants after a new consent, which removes their tombstone and is audited. A stored
/// participant without a fold key (recorded before schema v3) gets it, unless another participant already has it.
/// </remarks>
internal sealed class TerritoryParticipants
{
    /// <summary>The audit action of an erased participant enrolled again after a new consent.</summary>
    public const string ReenrolmentAction = "participant.reenrol";

    /// <summary>The audit action of a pre-v3 pseudonym replaced by the pseudonym of the NFC identifier.</summary>
    public const string NormalisationAction = "participant.normalise";

    private readonly ImpactEvalDbContext db;
    private readonly int territoryId;
    private readonly Dictionary<string, Participant> byPseudonym;
    private readonly Dictionary<string, Participant> byFoldKey;
    private readonly Dictionary<string, ErasedParticipant> erased;

    private TerritoryParticipants(ImpactEvalDbContext db, int territoryId, List<Participant> participants, List<ErasedParticipant> tombstones)
    {
        this.db = db;
        this.territoryId = territoryId;
        byPseudonym = participants.ToDictionary(p => p.Pseudonym, StringComparer.Ordinal);
        byFoldKey = participants.Where(p => p.FoldKey is not null).ToDictionary(p => p.FoldKey!, StringComparer.Ordinal);
        erased = new Dictionary<string, ErasedParticipant>(StringComparer.Ordinal);
        foreach (var tombstone in tombstones)
        {
            erased.TryAdd(tombstone.Pseudonym, tombstone);
            if (tombstone.FoldKey is not null) erased.TryAdd(tombstone.FoldKey, tombstone);
        }
    }

    /// <summary>Whether stored participants were given a fold key or a normalised pseudonym (worth saving even if no enrolment changed).</summary>
    public bool Maintained { get; private set; }

    /// <summary>Loads (tracked) the territory's participants and tombstones.</summary>
    /// <remarks>The whole territory, not a "pseudonym IN (…)" list: EF sends one parameter per item and SQLite refuses more than 32,766.</remarks>
    public static async Task<TerritoryParticipants> LoadAsync(ImpactEvalDbContext db, int territoryId, CancellationToken cancellationToken) =>
        new(db, territoryId,
            await db.Participants.Where(p => p.TerritoryId == territoryId).ToListAsync(cancellationToken),
            await db.ErasedParticipants.Where(e => e.TerritoryId == territoryId).ToListAsync(cancellationToken));

    /// <summary>The participant of each row (new ones added to the context), or null for a row with a problem.</summary>
    /// <param name="rows">The file's identifiers, one row per participant.</param>
    /// <param name="file">File name for problems and audit.</param>
    /// <param name="reenrol">Whether erased participants may be enrolled again (after a new consent).</param>
    /// <param name="actor">Who imports (audit).</param>
    /// <param name="now">The import's time (UTC).</param>
    /// <param name="problems">Where problems go.</param>
    public List<Participant?> Resolve(IReadOnlyList<RowIdentifier> rows, string file, bool reenrol, string actor, DateTime now, List<ImportProblem> problems)
    {
        var result = new List<Participant?>(rows.Count);
        foreach (var row in rows) result.Add(Resolve(row, file, reenrol, actor, now, problems));
        return result;
    }

    private Participant? Resolve(RowIdentifier row, string file, bool reenrol, string actor, DateTime now, List<ImportProblem> problems)
    {
        var keys = row.Keys;
        if (byPseudonym.TryGetValue(keys.Pseudonym, out var participant)) return WithFoldKey(participant, keys.FoldKey);
        if (keys.LegacyPseudonym is { } legacy && byPseudonym.Remove(legacy, out participant))
        {
            participant.Pseudonym = keys.Pseudonym;
            byPseudonym[keys.Pseudonym] = participant;
            Maintained = true;
            AuditTrail.Add(db, now, actor, NormalisationAction, territoryId, $"participant {keys.Pseudonym}",
                $"{file}, ligne {row.Line} : pseudonyme précédent {legacy} (identifiant enregistré avant la v3 en Unicode décomposé)");
            return WithFoldKey(participant, keys.FoldKey);
        }
        if (byFoldKey.ContainsKey(keys.FoldKey))
        {
            problems.Add(IdentityMessages.CaseVariantOfStored(file, row));
            return null;
        }
        if (Tombstone(keys) is { } tombstone)
        {
            if (!reenrol)
            {
                problems.Add(IdentityMessages.Erased(file, row, tombstone.ErasedOn, enrolment: true));
                return null;
            }
            db.ErasedParticipants.Remove(tombstone);
            foreach (var key in new[] { tombstone.Pseudonym, tombstone.FoldKey })
                if (key is not null) erased.Remove(key);
            AuditTrail.Add(db, now, actor, ReenrolmentAction, territoryId, $"participant {keys.Pseudonym}",
                $"{file}, ligne {row.Line} : participant effacé le {FrenchDate.Format(tombstone.ErasedOn)}, réinscrit après un nouveau consentement");
        }
        participant = new Participant { TerritoryId = territoryId, Pseudonym = keys.Pseudonym, FoldKey = keys.FoldKey, CreatedAt = now };
        db.Participants.Add(participant);
        byPseudonym[keys.Pseudonym] = participant;
        byFoldKey[keys.FoldKey] = participant;
        return participant;
    }

    private ErasedParticipant? Tombstone(Pseudonymisation.ParticipantKeys keys) =>
        erased.GetValueOrDefault(keys.Pseudonym) ?? erased.GetValueOrDefault(keys.FoldKey)
        ?? (keys.LegacyPseudonym is { } legacy ? erased.GetValueOrDefault(legacy) : null);

    private Participant WithFoldKey(Participant participant, string foldKey)
    {
        // A participant recorded before v3 gets its fold key now — unless a case variant of it was recorded as another
        // participant before v3 and already holds it: both stay as they are (the unique index forbids two holders).
        if (participant.FoldKey is null && byFoldKey.TryAdd(foldKey, participant))
        {
            participant.FoldKey = foldKey;
            Maintained = true;
        }
        return participant;
    }
}
