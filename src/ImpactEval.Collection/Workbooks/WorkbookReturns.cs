using System.Globalization;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// Which workbooks of a wave came back: for each school × respondent of <see cref="CollectionWorkbookSet"/>, the values
/// owed (participants owed the wave × the respondent's indicators that apply to their group) and those the store
/// holds, whichever file brought them. Reads the store only — it needs no identifiers.
/// </summary>
public sealed class WorkbookReturns(ImpactEvalDbContext db)
{
    /// <summary>The returns of <paramref name="wave"/>, in the order of the set (school, then respondent); pairs owing nothing are left out.</summary>
    /// <param name="protocol">The protocol (current version).</param>
    /// <param name="wave">The wave.</param>
    /// <param name="today">The day (the cité's local date).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<IReadOnlyList<WorkbookReturn>> GetAsync(Model.Protocol protocol, Model.Wave wave, DateOnly today, CancellationToken cancellationToken = default) =>
        await GetAsync(protocol, wave, (await new CohortStatusService(db).GetAsync(protocol.Id, today, cancellationToken))!, cancellationToken);

    /// <summary>The returns of <paramref name="wave"/> from a cohort status already read (one status serves every wave of a page).</summary>
    /// <param name="protocol">The protocol (current version).</param>
    /// <param name="wave">The wave.</param>
    /// <param name="status">The protocol's cohort status on the day.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<IReadOnlyList<WorkbookReturn>> GetAsync(Model.Protocol protocol, Model.Wave wave, CohortStatus status, CancellationToken cancellationToken = default)
    {
        var owed = status.OwedAt(wave.Code).ToList();
        var protocolId = await db.Protocols.Where(p => p.Code == protocol.Id).Select(p => p.Id).SingleAsync(cancellationToken);
        var waveId = await db.Waves.Where(w => w.ProtocolId == protocolId && w.Code == wave.Code).Select(w => w.Id).SingleAsync(cancellationToken);
        var indicatorCodes = await db.Indicators.Where(i => i.ProtocolId == protocolId).ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var received = (await (from e in db.Enrolments where e.ProtocolId == protocolId
                               join o in db.Observations on e.Id equals o.EnrolmentId
                               where o.WaveId == waveId
                               select new { o.EnrolmentId, o.IndicatorId }).ToListAsync(cancellationToken))
            .Select(o => (o.EnrolmentId, indicatorCodes[o.IndicatorId])).ToHashSet();

        // The plan is made on enrolment ids instead of identifiers: the store has no identifiers, and needs none here.
        var roster = owed.Select(e => new ExpectedParticipant(e.EnrolmentId.ToString(CultureInfo.InvariantCulture), e.Group, e.Cluster)).ToList();
        var groupOf = owed.ToDictionary(e => e.EnrolmentId, e => e.Group);
        var returns = new List<WorkbookReturn>();
        foreach (var planned in CollectionWorkbookSet.Plan(protocol, wave, roster, WorkbookScope.Whole))
        {
            var indicators = CollectionWorkbook.IndicatorsAt(protocol, wave, planned.Scope.Respondent);
            int expected = 0, got = 0;
            foreach (var id in planned.Identifiers)
            {
                var enrolment = int.Parse(id, CultureInfo.InvariantCulture);
                foreach (var indicator in indicators.Where(i => i.AppliesTo(groupOf[enrolment])))
                {
                    expected++;
                    if (received.Contains((enrolment, indicator.Code))) got++;
                }
            }
            returns.Add(new WorkbookReturn(planned.Scope, planned.FileName, planned.Identifiers.Count, expected, got));
        }
        return returns;
    }
}
