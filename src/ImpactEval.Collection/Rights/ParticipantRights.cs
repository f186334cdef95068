using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactEval.Collection.Identity;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Core.Text;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Rights;

/// <summary>
/// The rights of the people in the data (GDPR articles 15 and 17): export everything held about one participant, and
/// erase a participant everywhere. The cité gives its own identifier, pseudonymised on the fly (it is never stored);
/// both actions are audited.
/// </summary>
/// <remarks>
/// Erasure deletes the participant, its enrolments, baseline values, observations with their revisions, status and
/// group history. The analysis dataset then changes, so its fingerprint changes and the next estimate computation
/// (EstimateService) recomputes instead of reusing stored results. Audit entries keep the pseudonym (with no data) as
/// the proof that the request was carried out; aggregated values (per territory) hold no participant and are kept.
/// A tombstone (the pseudonym, the fold key and the day: <see cref="Data.Entities.ErasedParticipant"/>) makes imports
/// refuse to re-create the participant, and <see cref="ErasedDataCleanup"/> keeps the erased rows from staying readable
/// in the database files.
/// </remarks>
public sealed class ParticipantRights(ImpactEvalDbContext db, Pseudonymiser pseudonymiser)
{
    /// <summary>The audit action of an erasure (the worker reads it to recompute the cité's protocols).</summary>
    public const string ErasureAction = "participant.erase";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Exports what is held about a participant, or null when the territory holds no such participant.</summary>
    /// <param name="territoryCode">The cité's code.</param>
    /// <param name="identifier">The cité's own identifier of the participant.</param>
    /// <param name="actor">Who exports (audited).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public async Task<ParticipantExport?> ExportAsync(string territoryCode, string identifier, string actor, CancellationToken cancellationToken = default)
    {
        var territory = await db.Territories.AsNoTracking().SingleOrDefaultAsync(t => t.Code == territoryCode, cancellationToken);
        if (territory is null || string.IsNullOrWhiteSpace(identifier)) return null;
        var participant = await ParticipantLookup.FindAsync(db, pseudonymiser, territory.Id, territory.Code, identifier, cancellationToken);
        if (participant is null) return null;
        var pseudonym = participant.Pseudonym;

        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Baseline).Where(e => e.ParticipantId == participant.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var protocols = await db.Protocols.AsNoTracking().Where(p => db.Enrolments.Any(e => e.ParticipantId == participant.Id && e.ProtocolId == p.Id)).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().Where(g => protocols.Select(p => p.Id).Contains(g.ProtocolId)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var waves = await db.Waves.AsNoTracking().Where(w => protocols.Select(p => p.Id).Contains(w.ProtocolId)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => protocols.Select(p => p.Id).Contains(i.ProtocolId)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var statusChanges = await db.EnrolmentStatusChanges.AsNoTracking().Where(c => enrolmentIds.Contains(c.EnrolmentId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var groupChanges = await db.GroupChanges.AsNoTracking().Where(c => enrolmentIds.Contains(c.EnrolmentId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var observations = await db.Observations.AsNoTracking().Where(o => enrolmentIds.Contains(o.EnrolmentId)).OrderBy(o => o.WaveId).ThenBy(o => o.IndicatorId).ToListAsync(cancellationToken);
        var observationIds = observations.Select(o => o.Id).ToList();
        var revisions = (await db.ObservationRevisions.AsNoTracking().Where(r => observationIds.Contains(r.ObservationId)).OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .ToLookup(r => r.ObservationId);
        var journal = await db.AuditEntries.AsNoTracking().Where(a => a.Subject.Contains(pseudonym) || (a.Details != null && a.Details.Contains(pseudonym)))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);

        var models = new Dictionary<int, Core.Model.Protocol?>();
        foreach (var protocol in protocols)
            models[protocol.Id] = (await new ProtocolRegistry(db).LoadCurrentAsync(protocol.Code, cancellationToken))?.Protocol;
        string Text(int indicatorId, double value) =>
            models[indicators[indicatorId].ProtocolId]?.FindIndicator(indicators[indicatorId].Code)?.Scale.Label(value) ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var document = new ExportDocument(
            "Données pseudonymisées détenues par ImpactEval sur ce participant (droit d'accès, article 15 du RGPD). " +
            "Aucun nom ni identifiant de la cité n'est conservé : le participant n'est connu que par son pseudonyme.",
            DateTime.UtcNow, territory.Code, participant.Pseudonym, Utc(participant.CreatedAt),
            [.. enrolments.Select(e =>
            {
                var protocol = protocols.Single(p => p.Id == e.ProtocolId);
                var model = models[protocol.Id];
                var current = groupChanges.LastOrDefault(c => c.EnrolmentId == e.Id)?.GroupId ?? e.GroupId;
                return new ExportEnrolment(protocol.Code, protocol.Title, Group(groups[e.GroupId]), Group(groups[current]), e.ClusterCode, e.EnrolledOn, e.Reason, Status(e.Status),
                    [.. statusChanges.Where(c => c.EnrolmentId == e.Id).Select(c => new ExportChange(Status(c.PreviousStatus), Status(c.Status), c.EffectiveOn, c.Reason, c.RecordedBy, Utc(c.RecordedAt)))],
                    [.. groupChanges.Where(c => c.EnrolmentId == e.Id).Select(c => new ExportChange(groups[c.PreviousGroupId].Code, groups[c.GroupId].Code, c.EffectiveOn, c.Reason, c.RecordedBy, Utc(c.RecordedAt)))],
                    [.. e.Baseline.OrderBy(b => b.CovariateCode, StringComparer.Ordinal).Select(b =>
                    {
                        var covariate = model?.FindCovariate(b.CovariateCode);
                        return new ExportValue(b.CovariateCode, covariate?.Label, b.Value, covariate?.Scale.Label(b.Value));
                    })],
                    [.. observations.Where(o => o.EnrolmentId == e.Id).Select(o => new ExportObservation(
                        waves[o.WaveId].Code, indicators[o.IndicatorId].Code, indicators[o.IndicatorId].Label, o.Value, Text(o.IndicatorId, o.Value), o.CollectedOn, Utc(o.RecordedAt), Utc(o.UpdatedAt),
                        [.. revisions[o.Id].Select(r => new ExportRevision(r.PreviousValue, r.NewValue, r.ChangedBy, Utc(r.ChangedAt), r.Reason))]))]);
            })],
            [.. journal.Select(a => new ExportAudit(Utc(a.At), a.Actor, a.Action, a.Subject, a.Details))]);
        var json = JsonSerializer.Serialize(document, Json);

        AuditTrail.Add(db, DateTime.UtcNow, actor, "participant.export", territory.Id, $"participant {pseudonym}",
            $"{enrolments.Count} inscription(s), {observations.Count} observation(s) exportées");
        await db.SaveChangesAsync(cancellationToken);
        return new ParticipantExport(json, pseudonym, enrolments.Count, observations.Count);
    }

    /// <summary>Erases a participant everywhere, in one transaction.</summary>
    /// <param name="territoryCode">The cité's code.</param>
    /// <param name="identifier">The cité's own identifier of the participant.</param>
    /// <param name="reason">Why (e.g. "demande de la famille du 12/01/2026"); required.</param>
    /// <param name="actor">Who erases (audited).</param>
    /// <param name="cancellationToken">Cancels the erasure (nothing is erased).</param>
    public async Task<ErasureOutcome> EraseAsync(string territoryCode, string identifier, string reason, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new ErasureOutcome(false, "Un effacement doit être motivé (par exemple « demande de la famille du 12/01/2026 »).", 0, 0);
        var territory = await db.Territories.SingleOrDefaultAsync(t => t.Code == territoryCode, cancellationToken);
        if (territory is null) return new ErasureOutcome(false, $"Le territoire « {territoryCode} » est inconnu.", 0, 0);
        if (string.IsNullOrWhiteSpace(identifier)) return new ErasureOutcome(false, "L’identifiant du participant est vide\u202F: rien n’a été effacé.", 0, 0);
        var keys = pseudonymiser.Keys(territory.Code, identifier);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreLock.TakeAsync(db, StoreLock.Participants, territory.Id, cancellationToken);
        var participant = await ParticipantLookup.FindAsync(db, pseudonymiser, territory.Id, territory.Code, identifier, cancellationToken);
        if (participant is null)
        {
            var erased = await db.ErasedParticipants.AsNoTracking()
                .FirstOrDefaultAsync(e => e.TerritoryId == territory.Id && (e.Pseudonym == keys.Pseudonym || e.FoldKey == keys.FoldKey), cancellationToken);
            return new ErasureOutcome(false, erased is null
                ? "Aucun participant de ce territoire ne correspond à cet identifiant : rien n'a été effacé (vérifiez l'identifiant)."
                : $"Ce participant a déjà été effacé le {FrenchDate.Format(erased.ErasedOn)}\u202F: rien de plus n’a été effacé.", 0, 0);
        }
        var pseudonym = participant.Pseudonym;
        // One person's rows are few: their identifiers are read first, so every delete searches by index.
        var enrolmentIds = await db.Enrolments.Where(e => e.ParticipantId == participant.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        var enrolmentCount = enrolmentIds.Count;
        var observationIds = await db.Observations.Where(o => enrolmentIds.Contains(o.EnrolmentId)).Select(o => o.Id).ToListAsync(cancellationToken);
        var observationCount = observationIds.Count;
        // Explicit deletes, children first, rather than relying on the database's cascades alone.
        await db.ObservationRevisions.Where(r => observationIds.Contains(r.ObservationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Observations.Where(o => enrolmentIds.Contains(o.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.EnrolmentStatusChanges.Where(c => enrolmentIds.Contains(c.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.GroupChanges.Where(c => enrolmentIds.Contains(c.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.BaselineValues.Where(b => enrolmentIds.Contains(b.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Enrolments.Where(e => e.ParticipantId == participant.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Participants.Where(p => p.Id == participant.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ErasedParticipants.Where(e => e.TerritoryId == territory.Id && e.Pseudonym == pseudonym).ExecuteDeleteAsync(cancellationToken);
        var now = DateTime.UtcNow;
        db.ErasedParticipants.Add(new ErasedParticipant
        {
            TerritoryId = territory.Id, Pseudonym = pseudonym, FoldKey = participant.FoldKey ?? keys.FoldKey, ErasedOn = DateOnly.FromDateTime(now),
        });
        var message = $"{enrolmentCount} inscription(s) et {observationCount} observation(s) effacées, avec leur historique";
        AuditTrail.Add(db, now, actor, ErasureAction, territory.Id, $"participant {pseudonym}", $"{message} (motif : {reason.Trim()})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var done = $"Participant effacé : {message}. Les estimations seront recalculées au prochain calcul.";
        try
        {
            await ErasedDataCleanup.RunAsync(db, cancellationToken);
        }
        catch (DbException e)
        {
            // The erasure is committed; only the reclaiming of the erased rows' space must be run again.
            done += $" Attention\u202F: le nettoyage des fichiers de la base a échoué ({StoreErrors.Describe(e)})\u202F; il sera refait au prochain effacement " +
                "(ou lancez VACUUM sur PostgreSQL, PRAGMA wal_checkpoint(TRUNCATE) sur SQLite).";
        }
        return new ErasureOutcome(true, done, enrolmentCount, observationCount);
    }

    private static ExportGroup Group(Data.Entities.Group group) => new(group.Code, group.Label);

    private static string Status(string code) => Cohorts.EnrolmentStatusText.Label(Cohorts.EnrolmentStatusText.FromCode(code));

    /// <summary>Stored times are UTC; SQLite returns them without a kind.</summary>
    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private sealed record ExportDocument(
        [property: JsonPropertyName("avertissement")] string Notice,
        [property: JsonPropertyName("exporte_le")] DateTime ExportedAt,
        [property: JsonPropertyName("territoire")] string Territory,
        [property: JsonPropertyName("pseudonyme")] string Pseudonym,
        [property: JsonPropertyName("enregistre_le")] DateTime CreatedAt,
        [property: JsonPropertyName("inscriptions")] ExportEnrolment[] Enrolments,
        [property: JsonPropertyName("journal")] ExportAudit[] Journal);

    private sealed record ExportEnrolment(
        [property: JsonPropertyName("protocole")] string Protocol,
        [property: JsonPropertyName("titre_protocole")] string Title,
        [property: JsonPropertyName("groupe_inscription")] ExportGroup Group,
        [property: JsonPropertyName("groupe_actuel")] ExportGroup CurrentGroup,
        [property: JsonPropertyName("ecole")] string? Cluster,
        [property: JsonPropertyName("inscrit_le")] DateOnly EnrolledOn,
        [property: JsonPropertyName("motif_inscription")] string? Reason,
        [property: JsonPropertyName("statut")] string Status,
        [property: JsonPropertyName("historique_statut")] ExportChange[] StatusHistory,
        [property: JsonPropertyName("changements_de_groupe")] ExportChange[] GroupChanges,
        [property: JsonPropertyName("covariables")] ExportValue[] Baseline,
        [property: JsonPropertyName("observations")] ExportObservation[] Observations);

    private sealed record ExportGroup([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("libelle")] string Label);

    /// <summary>A change of status or of group: from, to, when it took effect, why, who recorded it and when.</summary>
    private sealed record ExportChange(
        [property: JsonPropertyName("de")] string From,
        [property: JsonPropertyName("vers")] string To,
        [property: JsonPropertyName("effectif_le")] DateOnly EffectiveOn,
        [property: JsonPropertyName("motif")] string? Reason,
        [property: JsonPropertyName("enregistre_par")] string RecordedBy,
        [property: JsonPropertyName("enregistre_le")] DateTime RecordedAt);

    private sealed record ExportValue(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("libelle")] string? Label,
        [property: JsonPropertyName("valeur")] double Value,
        [property: JsonPropertyName("texte")] string? Text);

    private sealed record ExportObservation(
        [property: JsonPropertyName("vague")] string Wave,
        [property: JsonPropertyName("indicateur")] string Indicator,
        [property: JsonPropertyName("libelle")] string Label,
        [property: JsonPropertyName("valeur")] double Value,
        [property: JsonPropertyName("texte")] string Text,
        [property: JsonPropertyName("recueillie_le")] DateOnly? CollectedOn,
        [property: JsonPropertyName("enregistree_le")] DateTime RecordedAt,
        [property: JsonPropertyName("modifiee_le")] DateTime UpdatedAt,
        [property: JsonPropertyName("corrections")] ExportRevision[] Revisions);

    private sealed record ExportRevision(
        [property: JsonPropertyName("ancienne_valeur")] double PreviousValue,
        [property: JsonPropertyName("nouvelle_valeur")] double NewValue,
        [property: JsonPropertyName("par")] string By,
        [property: JsonPropertyName("le")] DateTime At,
        [property: JsonPropertyName("motif")] string Reason);

    private sealed record ExportAudit(
        [property: JsonPropertyName("le")] DateTime At,
        [property: JsonPropertyName("par")] string Actor,
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("objet")] string Subject,
        [property: JsonPropertyName("details")] string? Details);
}
