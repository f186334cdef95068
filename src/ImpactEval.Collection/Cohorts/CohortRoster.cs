using System.Collections.Immutable;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Cohorts;

/// <summary>One participant of a roster page.</summary>
/// <param name="EnrolmentId">The enrolment's key.</param>
/// <param name="Pseudonym">The participant's pseudonym.</param>
/// <param name="Group">Group at enrolment.</param>
/// <param name="CurrentGroup">Group after the latest change.</param>
/// <param name="Cluster">School, if any.</param>
/// <param name="Status">Current status.</param>
/// <param name="EnrolledOn">Enrolment date.</param>
/// <param name="Waves">The state of each wave with indicators, in wave order.</param>
public sealed record RosterRow(int EnrolmentId, string Pseudonym, string Group, string CurrentGroup, string? Cluster, EnrolmentStatus Status, DateOnly EnrolledOn,
    ImmutableArray<(string Wave, WaveState State)> Waves)
{
    /// <summary>Waves collected.</summary>
    public int Done => Waves.Count(w => w.State.IsCollected());

    /// <summary>Waves whose window is open and not collected yet.</summary>
    public int Due => Waves.Count(w => w.State == WaveState.Open);

    /// <summary>Waves overdue.</summary>
    public int Overdue => Waves.Count(w => w.State == WaveState.Overdue);
}

/// <summary>A page of the roster.</summary>
/// <param name="Total">Participants enrolled in the protocol.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Participants per page.</param>
/// <param name="Waves">The waves with indicators, in order.</param>
/// <param name="Rows">The participants of the page, in enrolment order.</param>
public sealed record RosterPage(int Total, int Page, int PageSize, ImmutableArray<string> Waves, ImmutableArray<RosterRow> Rows)
{
    /// <summary>The number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The cohort roster of a protocol, one page at a time: each participant's pseudonym, groups, school, status and the
/// state of each wave (collected, due, overdue…, the rules of <see cref="CohortStatusService"/>). Reads only the page's
/// enrolments and their values, so that a page costs the same with 100 or 100,000 participants. Reads the store; writes nothing.
/// </summary>
public sealed class CohortRoster(ImpactEvalDbContext db)
{
    /// <summary>A page of the roster, or null when no protocol has this identifier.</summary>
    /// <param name="protocolCode">The protocol identifier.</param>
    /// <param name="page">The page, from 1 (clamped to the last page).</param>
    /// <param name="pageSize">Participants per page (1–1000).</param>
    /// <param name="today">The day the states describe.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<RosterPage?> PageAsync(string protocolCode, int page, int pageSize, DateOnly today, CancellationToken cancellationToken = default)
    {
        var current = await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken);
        if (current is null) return null;
        var protocol = current.Value.Protocol;
        pageSize = Math.Clamp(pageSize, 1, 1000);
        var protocolId = await db.Protocols.Where(p => p.Code == protocolCode).Select(p => p.Id).SingleAsync(cancellationToken);
        var enrolments = db.Enrolments.AsNoTracking().Where(e => e.ProtocolId == protocolId);
        var total = await enrolments.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);

        var rows = await enrolments.OrderBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new { e.Id, e.Participant!.Pseudonym, e.GroupId, e.ClusterCode, e.EnrolledOn, e.Status }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToArray();
        var (first, last) = ids.Length == 0 ? (0, -1) : (ids[0], ids[^1]);
        // The page's enrolments are consecutive keys of this protocol: a key range keeps each query on its index.
        var groupCodes = await db.Groups.Where(g => g.ProtocolId == protocolId).ToDictionaryAsync(g => g.Id, g => g.Code, cancellationToken);
        var moved = (await db.GroupChanges.Where(c => c.EnrolmentId >= first && c.EnrolmentId <= last).Select(c => new { c.Id, c.EnrolmentId, c.GroupId })
                .ToListAsync(cancellationToken))
            .Where(c => ids.Contains(c.EnrolmentId)).GroupBy(c => c.EnrolmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.GroupId);
        var since = (await db.EnrolmentStatusChanges.Where(c => c.EnrolmentId >= first && c.EnrolmentId <= last).Select(c => new { c.Id, c.EnrolmentId, c.EffectiveOn })
                .ToListAsync(cancellationToken))
            .Where(c => ids.Contains(c.EnrolmentId)).GroupBy(c => c.EnrolmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.EffectiveOn);
        var collected = (await db.Observations.Where(o => o.EnrolmentId >= first && o.EnrolmentId <= last)
                .GroupBy(o => new { o.EnrolmentId, o.WaveId })
                .Select(g => new { g.Key.EnrolmentId, g.Key.WaveId, CollectedOn = g.Max(o => o.CollectedOn), RecordedAt = g.Min(o => o.RecordedAt) })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.EnrolmentId, c.WaveId), c => c.CollectedOn ?? DateOnly.FromDateTime(c.RecordedAt.ToLocalTime()));
        var waveIds = await db.Waves.Where(w => w.ProtocolId == protocolId).ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var waves = protocol.Waves.Where(w => protocol.Indicators.Any(i => i.WaveCodes.Contains(w.Code))).ToList();

        var result = ImmutableArray.CreateBuilder<RosterRow>(rows.Count);
        foreach (var row in rows)
        {
            var status = EnrolmentStatusText.FromCode(row.Status);
            var statusSince = since.TryGetValue(row.Id, out var date) ? date : row.EnrolledOn;
            var states = waves.Select(wave =>
            {
                DateOnly? on = collected.TryGetValue((row.Id, waveIds[wave.Code]), out var c) ? c : null;
                return (wave.Code, CohortStatusService.Classify(on, wave.Schedule.WindowOpens(row.EnrolledOn), wave.Schedule.WindowCloses(row.EnrolledOn),
                    row.EnrolledOn, status, statusSince, today));
            }).ToImmutableArray();
            var group = groupCodes[row.GroupId];
            result.Add(new RosterRow(row.Id, row.Pseudonym, group, moved.TryGetValue(row.Id, out var to) ? groupCodes[to] : group, row.ClusterCode, status,
                row.EnrolledOn, states));
        }
        return new RosterPage(total, page, pageSize, [.. waves.Select(w => w.Code)], result.ToImmutable());
    }
}
