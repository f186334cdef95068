using ImpactEval.Core.Text;
using System.Globalization;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Cohorts;

/// <summary>
/// Records what happens to participants after enrolment: status changes (withdrawn with a reason, lost to follow-up,
/// moved away, completed, back to active) and moves to another group. Each change is kept as history with who, when
/// and why, and audited. The group at enrolment never changes here (intention to treat); the latest group change gives
/// the group "as treated".
/// </summary>
public sealed class CohortService(ImpactEvalDbContext db, Pseudonymiser pseudonymiser)
{
    /// <summary>Changes the status of a participant's enrolment.</summary>
    /// <param name="protocolCode">The protocol identifier.</param>
    /// <param name="identifier">The cité's own identifier of the participant (pseudonymised, never stored).</param>
    /// <param name="status">The new status.</param>
    /// <param name="effectiveOn">When it took effect in the field: on or after the enrolment date and the previous change.</param>
    /// <param name="reason">Why; required for a withdrawal. Never a name or health detail.</param>
    /// <param name="actor">Who records the change.</param>
    /// <param name="cancellationToken">Cancels the change (nothing is written).</param>
    public async Task<CohortChange> ChangeStatusAsync(string protocolCode, string identifier, EnrolmentStatus status, DateOnly effectiveOn, string? reason,
        string actor, CancellationToken cancellationToken = default)
    {
        var (found, problem) = await EnrolledParticipant.FindAsync(db, pseudonymiser, protocolCode, identifier, cancellationToken);
        if (found is null) return CohortChange.Refused(problem!);
        var enrolment = found.Enrolment;
        var current = EnrolmentStatusText.FromCode(enrolment.Status);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (current == status) return CohortChange.Refused($"Le participant est déjà au statut « {status.Label()} ».");
        if (status == EnrolmentStatus.Withdrawn && reason is null)
            return CohortChange.Refused("Un retrait doit être motivé : indiquez le motif (par exemple « la famille ne souhaite plus participer »).");
        if (effectiveOn < enrolment.EnrolledOn)
            return CohortChange.Refused($"La date d'effet ({FrenchDate.Format(effectiveOn)}) précède l'inscription ({FrenchDate.Format(enrolment.EnrolledOn)}).");
        var last = await db.EnrolmentStatusChanges.Where(c => c.EnrolmentId == enrolment.Id).OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (last is not null && effectiveOn < last.EffectiveOn)
            return CohortChange.Refused($"La date d'effet ({FrenchDate.Format(effectiveOn)}) précède le dernier changement de statut ({FrenchDate.Format(last.EffectiveOn)}).");

        var now = DateTime.UtcNow;
        db.EnrolmentStatusChanges.Add(new EnrolmentStatusChange
        {
            EnrolmentId = enrolment.Id, PreviousStatus = enrolment.Status, Status = status.Code(), EffectiveOn = effectiveOn, Reason = reason,
            RecordedBy = actor, RecordedAt = now,
        });
        enrolment.Status = status.Code();
        var message = $"{current.Label()} → {status.Label()} au {FrenchDate.Format(effectiveOn)}";
        AuditTrail.Add(db, now, actor, "cohort.status", found.Protocol.TerritoryId, $"protocole {protocolCode}, participant {found.Participant.Pseudonym}",
            message + (reason is null ? "" : $" (motif : {reason})"));
        await db.SaveChangesAsync(cancellationToken);
        return new CohortChange(true, $"Statut changé : {message}.");
    }

    /// <summary>Moves a participant to another group (the group at enrolment is kept for intention-to-treat analyses).</summary>
    /// <param name="protocolCode">The protocol identifier.</param>
    /// <param name="identifier">The cité's own identifier of the participant.</param>
    /// <param name="groupCode">The new group's code (or French label, case- and accent-insensitive).</param>
    /// <param name="effectiveOn">When the move took effect: on or after the enrolment date and the previous move.</param>
    /// <param name="reason">Why, if known.</param>
    /// <param name="actor">Who records the change.</param>
    /// <param name="cancellationToken">Cancels the change (nothing is written).</param>
    public async Task<CohortChange> ChangeGroupAsync(string protocolCode, string identifier, string groupCode, DateOnly effectiveOn, string? reason,
        string actor, CancellationToken cancellationToken = default)
    {
        var (found, problem) = await EnrolledParticipant.FindAsync(db, pseudonymiser, protocolCode, identifier, cancellationToken);
        if (found is null) return CohortChange.Refused(problem!);
        var enrolment = found.Enrolment;
        var groups = await db.Groups.Where(g => g.ProtocolId == found.Protocol.Id).ToListAsync(cancellationToken);
        var key = Core.Text.TextKey.Normalize(groupCode);
        var target = groups.FirstOrDefault(g => Core.Text.TextKey.Normalize(g.Code) == key || Core.Text.TextKey.Normalize(g.Label) == key);
        if (target is null)
            return CohortChange.Refused($"Groupe « {groupCode} » inconnu. Groupes du protocole : {string.Join(", ", groups.Select(g => g.Code))}.");
        var last = await db.GroupChanges.Where(c => c.EnrolmentId == enrolment.Id).OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var currentId = last?.GroupId ?? enrolment.GroupId;
        var current = groups.Single(g => g.Id == currentId);
        if (currentId == target.Id) return CohortChange.Refused($"Le participant est déjà dans le groupe « {target.Code} ».");
        if (effectiveOn < enrolment.EnrolledOn)
            return CohortChange.Refused($"La date d'effet ({FrenchDate.Format(effectiveOn)}) précède l'inscription ({FrenchDate.Format(enrolment.EnrolledOn)}).");
        if (last is not null && effectiveOn < last.EffectiveOn)
            return CohortChange.Refused($"La date d'effet ({FrenchDate.Format(effectiveOn)}) précède le dernier changement de groupe ({FrenchDate.Format(last.EffectiveOn)}).");

        var now = DateTime.UtcNow;
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        db.GroupChanges.Add(new GroupChange
        {
            EnrolmentId = enrolment.Id, PreviousGroupId = currentId, GroupId = target.Id, EffectiveOn = effectiveOn, Reason = reason, RecordedBy = actor, RecordedAt = now,
        });
        var message = $"{current.Code} → {target.Code} au {FrenchDate.Format(effectiveOn)}";
        AuditTrail.Add(db, now, actor, "cohort.group", found.Protocol.TerritoryId, $"protocole {protocolCode}, participant {found.Participant.Pseudonym}",
            message + (reason is null ? "" : $" (motif : {reason})"));
        await db.SaveChangesAsync(cancellationToken);
        return new CohortChange(true, $"Changement de groupe enregistré : {message}. Les analyses gardent le groupe d'inscription ({groups.Single(g => g.Id == enrolment.GroupId).Code}) sauf demande « tel que traité ».");
    }

}
