using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Identity;

/// <summary>
/// The enrolments of one protocol, as an observation import finds them from the identifiers of its file: by pseudonym
/// (or pre-v3 pseudonym); a miss is explained — a case variant of an enrolled participant, an erased participant
/// (with the day), or someone not enrolled. Identifiers are pseudonymised once each; none is kept beyond the import.
/// </summary>
internal sealed class EnrolledIdentifiers
{
    private readonly Pseudonymiser pseudonymiser;
    private readonly string territoryCode;
    private readonly int territoryId;
    private readonly Dictionary<string, int> byPseudonym = new(StringComparer.Ordinal);
    private readonly HashSet<string> foldKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> erasedOn = new(StringComparer.Ordinal);
    private readonly List<(int ParticipantId, bool HasFoldKey)> participants = [];
    private readonly Dictionary<int, string> missingFoldKeys = [];
    private readonly Dictionary<string, (int Index, Func<RowIdentifier, ImportProblem>? Problem)> cache = new(StringComparer.Ordinal);

    private EnrolledIdentifiers(Pseudonymiser pseudonymiser, string territoryCode, int territoryId)
    {
        this.pseudonymiser = pseudonymiser;
        this.territoryCode = territoryCode;
        this.territoryId = territoryId;
    }

    /// <summary>The enrolment ids, in the order of the indexes <see cref="Find"/> returns (ascending ids).</summary>
    public List<int> EnrolmentIds { get; } = [];

    /// <summary>Loads the protocol's enrolments and the territory's tombstones.</summary>
    public static async Task<EnrolledIdentifiers> LoadAsync(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, int protocolId, int territoryId, string territoryCode,
        CancellationToken cancellationToken)
    {
        var result = new EnrolledIdentifiers(pseudonymiser, territoryCode, territoryId);
        await foreach (var e in db.Enrolments.AsNoTracking().Where(e => e.ProtocolId == protocolId).OrderBy(e => e.Id)
                           .Select(e => new { e.Id, e.ParticipantId, e.Participant!.Pseudonym, e.Participant.FoldKey }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            result.byPseudonym[e.Pseudonym] = result.EnrolmentIds.Count;
            if (e.FoldKey is not null) result.foldKeys.Add(e.FoldKey);
            result.participants.Add((e.ParticipantId, e.FoldKey is not null));
            result.EnrolmentIds.Add(e.Id);
        }
        await foreach (var e in db.ErasedParticipants.AsNoTracking().Where(e => e.TerritoryId == territoryId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            result.erasedOn.TryAdd(e.Pseudonym, e.ErasedOn);
            if (e.FoldKey is not null) result.erasedOn.TryAdd(e.FoldKey, e.ErasedOn);
        }
        return result;
    }

    /// <summary>The index (in <see cref="EnrolmentIds"/>) of the enrolment of <paramref name="identifier"/>, or −1 with a problem added.</summary>
    /// <param name="identifier">The trimmed identifier of a row.</param>
    /// <param name="line">The row's line.</param>
    /// <param name="column">The identifier column.</param>
    /// <param name="file">File name for problems.</param>
    /// <param name="problems">Where problems go.</param>
    public int Find(string identifier, int line, MappedColumn column, string file, List<ImportProblem> problems)
    {
        if (!cache.TryGetValue(identifier, out var match)) cache[identifier] = match = Match(identifier, file);
        if (match.Problem is not null) problems.Add(match.Problem(new RowIdentifier(line, column.Index + 1, column.Header, identifier, default)));
        return match.Index;
    }

    /// <summary>Gives the fold key to the enrolled participants recorded before v3 that this file named (when no other participant of the territory has it).</summary>
    public async Task SaveFoldKeysAsync(ImpactEvalDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (participantId, foldKey) in missingFoldKeys)
        {
            await db.Participants
                .Where(p => p.Id == participantId && p.FoldKey == null && !db.Participants.Any(q => q.TerritoryId == territoryId && q.FoldKey == foldKey))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.FoldKey, foldKey), cancellationToken);
        }
    }

    private (int Index, Func<RowIdentifier, ImportProblem>? Problem) Match(string identifier, string file)
    {
        // The common case costs one HMAC: an enrolled participant that already has its fold key.
        if (byPseudonym.TryGetValue(pseudonymiser.Pseudonym(territoryCode, identifier), out var index) && participants[index].HasFoldKey) return (index, null);
        var keys = pseudonymiser.Keys(territoryCode, identifier);
        if (byPseudonym.TryGetValue(keys.Pseudonym, out index)
            || (keys.LegacyPseudonym is { } legacy && byPseudonym.TryGetValue(legacy, out index)))
        {
            var (participantId, hasFoldKey) = participants[index];
            if (!hasFoldKey && foldKeys.Add(keys.FoldKey)) missingFoldKeys[participantId] = keys.FoldKey;
            return (index, null);
        }
        if (foldKeys.Contains(keys.FoldKey)) return (-1, row => IdentityMessages.CaseVariantOfStored(file, row));
        if (erasedOn.TryGetValue(keys.Pseudonym, out var day) || erasedOn.TryGetValue(keys.FoldKey, out day))
            return (-1, row => IdentityMessages.Erased(file, row, day, enrolment: false));
        return (-1, row => IdentityMessages.NotEnrolled(file, row));
    }
}
