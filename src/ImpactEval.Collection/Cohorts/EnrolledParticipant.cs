using ImpactEval.Collection.Identity;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Cohorts;

/// <summary>A participant's enrolment in a protocol, found from the cité's own identifier.</summary>
/// <param name="Protocol">The stored protocol (with its territory).</param>
/// <param name="Participant">The pseudonymous participant.</param>
/// <param name="Enrolment">The enrolment.</param>
internal sealed record EnrolledParticipant(Protocol Protocol, Participant Participant, Enrolment Enrolment)
{
    /// <summary>Finds an enrolment, or returns a French explanation of why it cannot be found.</summary>
    public static async Task<(EnrolledParticipant? Found, string? Problem)> FindAsync(ImpactEvalDbContext db, Pseudonymiser pseudonymiser,
        string protocolCode, string identifier, CancellationToken cancellationToken)
    {
        var protocol = await db.Protocols.Include(p => p.Territory).SingleOrDefaultAsync(p => p.Code == protocolCode, cancellationToken);
        if (protocol is null) return (null, $"Aucun protocole « {protocolCode} » n'est enregistré.");
        if (string.IsNullOrWhiteSpace(identifier)) return (null, "L'identifiant du participant est vide.");
        var participant = await ParticipantLookup.FindAsync(db, pseudonymiser, protocol.TerritoryId, protocol.Territory!.Code, identifier, cancellationToken);
        var enrolment = participant is null ? null
            : await db.Enrolments.SingleOrDefaultAsync(e => e.ProtocolId == protocol.Id && e.ParticipantId == participant.Id, cancellationToken);
        return enrolment is null
            ? (null, $"Ce participant n'est pas inscrit au protocole « {protocolCode} » (vérifiez l'identifiant).")
            : (new EnrolledParticipant(protocol, participant!, enrolment), null);
    }
}
