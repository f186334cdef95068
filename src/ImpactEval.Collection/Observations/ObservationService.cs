using System.Globalization;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Observations;

/// <summary>
/// Corrects one observation by hand (a teacher's rating typed wrong, a late value given by phone): the value is read
/// on the indicator's scale, the previous value is kept as a revision with who, when and why, and the change is
/// audited. A missing value may be added the same way. Refused when the wave's campaign is locked without exception.
/// </summary>
public sealed class ObservationService(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Sets the value of one indicator for one participant at one wave.</summary>
    /// <param name="protocolCode">The protocol identifier.</param>
    /// <param name="identifier">The cité's own identifier of the participant (pseudonymised, never stored).</param>
    /// <param name="waveCode">The wave code (or French label).</param>
    /// <param name="indicatorCode">The indicator code (or French label).</param>
    /// <param name="value">The value as a user types it ("3", "Très impliqué", "92,5", "oui").</param>
    /// <param name="collectedOn">The collection date, if known (kept otherwise).</param>
    /// <param name="reason">Why the value changes (required).</param>
    /// <param name="actor">Who corrects.</param>
    /// <param name="cancellationToken">Cancels the correction (nothing is written).</param>
    public async Task<CorrectionOutcome> CorrectAsync(string protocolCode, string identifier, string waveCode, string indicatorCode, string value,
        DateOnly? collectedOn, string reason, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Refused("Une correction doit être motivée (par exemple « erreur de saisie, vérifié avec l'enseignante »).");
        var (found, problem) = await EnrolledParticipant.FindAsync(db, pseudonymiser, protocolCode, identifier, cancellationToken);
        if (found is null) return Refused(problem!);
        var current = await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken);
        var protocol = current!.Value.Protocol;
        var wave = protocol.Waves.FirstOrDefault(w => Same(w.Code, waveCode) || Same(w.Label, waveCode));
        if (wave is null) return Refused($"Vague « {waveCode} » inconnue. Vagues : {string.Join(", ", protocol.Waves.Select(w => w.Code))}.");
        var indicator = protocol.Indicators.FirstOrDefault(i => Same(i.Code, indicatorCode) || Same(i.Label, indicatorCode));
        if (indicator is null) return Refused($"Indicateur « {indicatorCode} » inconnu. Indicateurs : {string.Join(", ", protocol.Indicators.Select(i => i.Code))}.");
        if (!indicator.WaveCodes.Contains(wave.Code))
            return Refused($"L'indicateur « {indicator.Code} » n'est pas collecté à la vague {wave.Code} (vagues : {string.Join(", ", indicator.WaveCodes)}).");
        if (!indicator.Scale.TryRead(value, out var number, out var error)) return Refused(error!);

        var waveId = await db.Waves.Where(w => w.ProtocolId == found.Protocol.Id && w.Code == wave.Code).Select(w => w.Id).SingleAsync(cancellationToken);
        var indicatorId = await db.Indicators.Where(i => i.ProtocolId == found.Protocol.Id && i.Code == indicator.Code).Select(i => i.Id).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var locks = await CampaignLock.FindAsync(db, found.Protocol.Id, [waveId], null, found.Protocol.TerritoryId, today, cancellationToken);
        if (locks.Count > 0) return Refused($"{locks[0].Message} {locks[0].Hint}");

        var now = clock.GetUtcNow().UtcDateTime;
        var observation = await db.Observations.SingleOrDefaultAsync(o => o.EnrolmentId == found.Enrolment.Id && o.WaveId == waveId && o.IndicatorId == indicatorId, cancellationToken);
        string message;
        if (observation is null)
        {
            db.Observations.Add(new Observation
            {
                EnrolmentId = found.Enrolment.Id, WaveId = waveId, IndicatorId = indicatorId, Value = number, CollectedOn = collectedOn, RecordedAt = now, UpdatedAt = now,
            });
            message = $"{indicator.Code} à la vague {wave.Code} : valeur ajoutée ({indicator.Scale.Label(number)})";
        }
        else
        {
            if (observation.Value == number && (collectedOn is null || observation.CollectedOn == collectedOn))
                return Refused($"La valeur enregistrée est déjà {indicator.Scale.Label(number)} : rien n'a changé.");
            db.ObservationRevisions.Add(new ObservationRevision
            {
                ObservationId = observation.Id, PreviousValue = observation.Value, PreviousCollectedOn = observation.CollectedOn, NewValue = number,
                ChangedBy = actor, Reason = reason.Trim(), ChangedAt = now,
            });
            message = $"{indicator.Code} à la vague {wave.Code} : {indicator.Scale.Label(observation.Value)} → {indicator.Scale.Label(number)}";
            observation.Value = number;
            observation.CollectedOn = collectedOn ?? observation.CollectedOn;
            observation.ImportId = null;
            observation.UpdatedAt = now;
        }
        if (collectedOn is { } date) message += $", recueillie le {FrenchDate.Format(date)}";
        AuditTrail.Add(db, now, actor, "observation.correct", found.Protocol.TerritoryId, $"protocole {protocolCode}, participant {found.Participant.Pseudonym}",
            $"{message} (motif : {reason.Trim()})");
        await db.SaveChangesAsync(cancellationToken);
        return new CorrectionOutcome(true, message + ".");
    }

    private static bool Same(string a, string b) => TextKey.Normalize(a) == TextKey.Normalize(b);

    private static CorrectionOutcome Refused(string message) => new(false, message);
}
