using System.Collections.Immutable;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Cohorts;

/// <summary>
/// Computes where the follow-up of a protocol stands on a day: each participant's due date and window at each wave
/// (from the protocol's <see cref="Model.WaveSchedule"/>), scheduled vs collected dates, the overdue list,
/// completeness per wave × group × school, and the sample flow. Reads the store; writes nothing.
/// </summary>
/// <remarks>
/// Only waves with at least one indicator are tracked (a wave such as "inscription" that only dates the baseline has
/// nothing to collect), and for each group only the waves where one of their indicators applies to it. A participant who left the follow-up (withdrawn, lost, moved away) is <see cref="WaveState.Left"/>
/// at every wave not collected; one whose follow-up was completed is not expected at waves whose window closes after
/// that date.
/// </remarks>
public sealed class CohortStatusService(ImpactEvalDbContext db)
{
    /// <summary>The status of <paramref name="protocolCode"/> on <paramref name="today"/>, or null when no protocol has this identifier.</summary>
    /// <param name="protocolCode">The protocol identifier.</param>
    /// <param name="today">The day to describe (the local date in the cité's time zone).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<CohortStatus?> GetAsync(string protocolCode, DateOnly today, CancellationToken cancellationToken = default)
    {
        var current = await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken);
        if (current is null) return null;
        var protocol = current.Value.Protocol;
        var protocolId = await db.Protocols.Where(p => p.Code == protocolCode).Select(p => p.Id).SingleAsync(cancellationToken);
        var enrolments = db.Enrolments.Where(e => e.ProtocolId == protocolId);

        var rows = await enrolments.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Participant!.Pseudonym, e.GroupId, e.ClusterCode, e.EnrolledOn, e.Status }).ToListAsync(cancellationToken);
        var groupCodes = await db.Groups.Where(g => g.ProtocolId == protocolId).ToDictionaryAsync(g => g.Id, g => g.Code, cancellationToken);
        // Rows owned by enrolments are read by joining from this protocol's enrolments, so the database searches them by
        // index instead of scanning every cité's rows.
        var currentGroups = (await (from e in enrolments join c in db.GroupChanges on e.Id equals c.EnrolmentId
                                    select new { c.Id, c.EnrolmentId, c.GroupId }).ToListAsync(cancellationToken))
            .GroupBy(c => c.EnrolmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.GroupId);
        var statusSince = (await (from e in enrolments join c in db.EnrolmentStatusChanges on e.Id equals c.EnrolmentId
                                  select new { c.Id, c.EnrolmentId, c.EffectiveOn }).ToListAsync(cancellationToken))
            .GroupBy(c => c.EnrolmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.EffectiveOn);
        var waveIds = await db.Waves.Where(w => w.ProtocolId == protocolId).ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var collected = (await (from e in enrolments join o in db.Observations on e.Id equals o.EnrolmentId select o)
                .GroupBy(o => new { o.EnrolmentId, o.WaveId })
                .Select(g => new { g.Key.EnrolmentId, g.Key.WaveId, CollectedOn = g.Max(o => o.CollectedOn), RecordedAt = g.Min(o => o.RecordedAt) })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.EnrolmentId, c.WaveId), c => c.CollectedOn ?? DateOnly.FromDateTime(c.RecordedAt.ToLocalTime()));

        var waves = protocol.Waves.Where(w => protocol.Indicators.Any(i => i.WaveCodes.Contains(w.Code))).ToList();
        var entries = ImmutableArray.CreateBuilder<ParticipantWave>(rows.Count * waves.Count);
        var people = new List<(string Group, string CurrentGroup, EnrolmentStatus Status)>(rows.Count);
        foreach (var row in rows)
        {
            var status = EnrolmentStatusText.FromCode(row.Status);
            var since = statusSince.TryGetValue(row.Id, out var date) ? date : row.EnrolledOn;
            var group = groupCodes[row.GroupId];
            var currentGroup = currentGroups.TryGetValue(row.Id, out var moved) ? groupCodes[moved] : group;
            people.Add((group, currentGroup, status));
            foreach (var wave in waves)
            {
                // A wave owes nothing to a group none of its indicators applies to (indicator "groups:").
                if (!protocol.Indicators.Any(i => i.WaveCodes.Contains(wave.Code) && i.AppliesTo(group))) continue;
                var schedule = wave.Schedule;
                var opens = schedule.WindowOpens(row.EnrolledOn);
                var closes = schedule.WindowCloses(row.EnrolledOn);
                DateOnly? on = collected.TryGetValue((row.Id, waveIds[wave.Code]), out var c) ? c : null;
                var state = Classify(on, opens, closes, row.EnrolledOn, status, since, today);
                entries.Add(new ParticipantWave(row.Id, row.Pseudonym, group, currentGroup, row.ClusterCode, status, wave.Code,
                    schedule.DueDate(row.EnrolledOn), opens, closes, on, state));
            }
        }
        var list = entries.ToImmutable();
        return new CohortStatus(protocol.Id, today, list, CompletenessOf(list, waves), FlowOf(protocol, today, list, people, waves));
    }

    /// <summary>The state of one participant's wave; pure, see the remarks of the class for the rules.</summary>
    internal static WaveState Classify(DateOnly? collectedOn, DateOnly opens, DateOnly closes, DateOnly enrolledOn, EnrolmentStatus status,
        DateOnly statusSince, DateOnly today)
    {
        if (collectedOn is { } on)
            return on > closes ? WaveState.CollectedLate : on < opens ? WaveState.CollectedEarly : WaveState.CollectedOnTime;
        if (closes < enrolledOn) return WaveState.NotExpected;
        if (status == EnrolmentStatus.Completed && statusSince <= closes) return WaveState.NotExpected;
        if (status.IsAttrition()) return WaveState.Left;
        if (today < opens) return WaveState.Upcoming;
        return today <= closes ? WaveState.Open : WaveState.Overdue;
    }

    private static ImmutableArray<Completeness> CompletenessOf(ImmutableArray<ParticipantWave> entries, List<Model.Wave> waves)
    {
        var result = ImmutableArray.CreateBuilder<Completeness>();
        foreach (var wave in waves)
        {
            var ofWave = entries.Where(e => e.Wave == wave.Code).ToList();
            foreach (var cell in ofWave.GroupBy(e => (e.Group, e.Cluster)).OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Cluster, StringComparer.Ordinal))
                result.Add(Count(wave.Code, cell.Key.Group, cell.Key.Cluster, cell));
            foreach (var cell in ofWave.GroupBy(e => e.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
                result.Add(Count(wave.Code, cell.Key, null, cell));
            result.Add(Count(wave.Code, null, null, ofWave));
        }
        return result.ToImmutable();
    }

    private static Completeness Count(string wave, string? group, string? cluster, IEnumerable<ParticipantWave> entries)
    {
        int expected = 0, collected = 0, late = 0, overdue = 0, left = 0, notYetDue = 0;
        foreach (var e in entries)
        {
            if (e.State == WaveState.NotExpected) continue;
            expected++;
            if (e.State.IsCollected()) collected++;
            if (e.State == WaveState.CollectedLate) late++;
            if (e.State == WaveState.Overdue) overdue++;
            if (e.State == WaveState.Left) left++;
            if (e.State is WaveState.Upcoming or WaveState.Open) notYetDue++;
        }
        return new Completeness(wave, group, cluster, expected, collected, late, overdue, left, notYetDue);
    }

    private static CohortFlow FlowOf(Model.Protocol protocol, DateOnly today, ImmutableArray<ParticipantWave> entries,
        List<(string Group, string CurrentGroup, EnrolmentStatus Status)> people, List<Model.Wave> waves)
    {
        var groups = ImmutableArray.CreateBuilder<GroupFlowData>();
        foreach (var group in protocol.Groups)
        {
            var ofGroup = entries.Where(e => e.Group == group.Code).ToList();
            var participants = people.Where(p => p.Group == group.Code).ToList();
            var flows = ImmutableArray.CreateBuilder<WaveFlowData>();
            foreach (var wave in waves)
            {
                var c = Count(wave.Code, group.Code, null, ofGroup.Where(e => e.Wave == wave.Code));
                flows.Add(new WaveFlowData(wave.Code, c.Expected, c.Collected, c.Late, c.Overdue, c.Left, c.NotYetDue));
            }
            int Of(EnrolmentStatus status) => participants.Count(p => p.Status == status);
            groups.Add(new GroupFlowData(group.Code, group.Label, participants.Count, Of(EnrolmentStatus.Active), Of(EnrolmentStatus.Completed),
                Of(EnrolmentStatus.Withdrawn), Of(EnrolmentStatus.LostToFollowUp), Of(EnrolmentStatus.MovedAway),
                participants.Count(p => p.CurrentGroup != p.Group), flows.ToImmutable()));
        }
        return new CohortFlow(protocol.Id, today, groups.ToImmutable());
    }
}
