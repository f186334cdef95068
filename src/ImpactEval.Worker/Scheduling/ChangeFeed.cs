using ImpactEval.Collection.Rights;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// Finds the protocols whose data changed since the last look, by reading forward the append-only tables every
/// change of the analysed data leaves behind: imports, observations (entered one by one), corrections, cohort
/// status and group changes, and the audit entries of erasures (an erased participant leaves no data row behind, only
/// that entry: every protocol of the cité is named, and those whose data did not change reuse their stored results).
/// Each source has a <see cref="ChangeCursor"/> (its greatest id seen); reading moves the cursors in the caller's
/// context, saved with the rest of the caller's work.
/// </summary>
/// <remarks>
/// A row committed out of id order by a concurrent transaction after its cursor moved past it is picked up by the
/// nightly recomputation. At the first start, the imports are read from the beginning (every protocol with data is
/// recomputed once); the other sources start at their current end.
/// </remarks>
public sealed class ChangeFeed(ImpactEvalDbContext db)
{
    /// <summary>A changed row's id and the protocol it belongs to.</summary>
    private sealed class ChangeRow
    {
        public long Id { get; init; }

        public int ProtocolId { get; init; }
    }

    /// <summary>The protocols with changes since the cursors, and the cursors moved past them (not yet saved).</summary>
    /// <param name="now">The time to record on moved cursors (UTC).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<IReadOnlySet<int>> ReadAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cursors = await db.ChangeCursors.ToDictionaryAsync(c => c.Source, cancellationToken);
        var changed = new HashSet<int>();
        var enrolments = db.Enrolments;
        await ReadAsync("imports", after => db.Imports.Where(i => i.Id > after).Select(i => new ChangeRow { Id = i.Id, ProtocolId = i.ProtocolId }), fromStart: true);
        await ReadAsync("observations", after => db.Observations.Where(o => o.Id > after)
            .Join(enrolments, o => o.EnrolmentId, e => e.Id, (o, e) => new ChangeRow { Id = o.Id, ProtocolId = e.ProtocolId }), fromStart: false);
        await ReadAsync("observation_revisions", after => db.ObservationRevisions.Where(r => r.Id > after)
            .Join(db.Observations, r => r.ObservationId, o => o.Id, (r, o) => new { r.Id, o.EnrolmentId })
            .Join(enrolments, x => x.EnrolmentId, e => e.Id, (x, e) => new ChangeRow { Id = x.Id, ProtocolId = e.ProtocolId }), fromStart: false);
        await ReadAsync("enrolment_status_changes", after => db.EnrolmentStatusChanges.Where(c => c.Id > after)
            .Join(enrolments, c => c.EnrolmentId, e => e.Id, (c, e) => new ChangeRow { Id = c.Id, ProtocolId = e.ProtocolId }), fromStart: false);
        await ReadAsync("group_changes", after => db.GroupChanges.Where(c => c.Id > after)
            .Join(enrolments, c => c.EnrolmentId, e => e.Id, (c, e) => new ChangeRow { Id = c.Id, ProtocolId = e.ProtocolId }), fromStart: false);
        await ReadAsync("erasures", after => db.AuditEntries.Where(a => a.Id > after && a.Action == ParticipantRights.ErasureAction)
            .Join(db.Protocols, a => a.TerritoryId, p => (int?)p.TerritoryId, (a, p) => new ChangeRow { Id = a.Id, ProtocolId = p.Id }), fromStart: false);
        return changed;

        async Task ReadAsync(string source, Func<long, IQueryable<ChangeRow>> rowsAfter, bool fromStart)
        {
            if (!cursors.TryGetValue(source, out var cursor))
            {
                cursor = new ChangeCursor { Source = source, UpdatedAt = now };
                db.ChangeCursors.Add(cursor);
                if (!fromStart)
                {
                    cursor.LastId = await rowsAfter(0).MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
                    return;
                }
            }
            var news = await rowsAfter(cursor.LastId).GroupBy(r => r.ProtocolId)
                .Select(g => new { ProtocolId = g.Key, LastId = g.Max(r => r.Id) }).ToListAsync(cancellationToken);
            if (news.Count == 0) return;
            changed.UnionWith(news.Select(n => n.ProtocolId));
            cursor.LastId = news.Max(n => n.LastId);
            cursor.UpdatedAt = now;
        }
    }
}
