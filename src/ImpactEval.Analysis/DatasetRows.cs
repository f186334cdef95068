using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Analysis;

/// <summary>
/// A protocol's stored data as read from the store, long and unassembled: its enrolments, their baseline values and their
/// observations, column by column (the only I/O of the analysis layer). <see cref="DatasetBuilder"/> assembles it into
/// the arrays of an <see cref="AnalysisDataset"/>; <see cref="DatasetFrame"/> into a data frame for export.
/// </summary>
/// <param name="ProtocolVersion">The registered version the data is read under.</param>
/// <param name="Assignment">How groups were assigned.</param>
/// <param name="EnrolmentIds">Enrolment ids, ascending (the row order of every assembled dataset).</param>
/// <param name="Pseudonyms">Participants' pseudonyms (empty strings unless read for an export).</param>
/// <param name="Groups">Group code per enrolment (at enrolment, or after the latest change with <see cref="GroupAssignment.AsTreated"/>).</param>
/// <param name="Clusters">Cluster code per enrolment, or null.</param>
/// <param name="Statuses">Enrolment status per enrolment.</param>
/// <param name="BaselineEnrolment">Enrolment id of each baseline value.</param>
/// <param name="BaselineCovariate">Covariate code of each baseline value.</param>
/// <param name="BaselineValue">Each baseline value.</param>
/// <param name="ObservationEnrolment">Enrolment id of each observation.</param>
/// <param name="ObservationKey">Column of each observation (<see cref="AnalysisDataset.Key"/> of its indicator and wave).</param>
/// <param name="ObservationWave">Wave code of each observation.</param>
/// <param name="ObservationValue">Each observed value.</param>
/// <param name="ObservationDate">Collection date of each observation, if known.</param>
public sealed record DatasetRows(
    int ProtocolVersion,
    GroupAssignment Assignment,
    int[] EnrolmentIds,
    string[] Pseudonyms,
    string[] Groups,
    string?[] Clusters,
    string[] Statuses,
    int[] BaselineEnrolment,
    string[] BaselineCovariate,
    double[] BaselineValue,
    int[] ObservationEnrolment,
    string[] ObservationKey,
    string[] ObservationWave,
    double[] ObservationValue,
    DateOnly?[] ObservationDate)
{
    /// <summary>Reads the current data of <paramref name="protocol"/>.</summary>
    /// <param name="db">The store.</param>
    /// <param name="protocol">The protocol (current version).</param>
    /// <param name="version">Its version number.</param>
    /// <param name="assignment">Group at enrolment (default) or after the latest change.</param>
    /// <param name="pseudonyms">Whether to read the participants' pseudonyms (exports only: analyses never need them).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async Task<DatasetRows> ReadAsync(ImpactEvalDbContext db, Model.Protocol protocol, int version, GroupAssignment assignment,
        bool pseudonyms = false, CancellationToken cancellationToken = default)
    {
        var protocolId = await db.Protocols.Where(p => p.Code == protocol.Id).Select(p => p.Id).SingleAsync(cancellationToken);
        // Every query below starts from this protocol's enrolments and joins to the rows they own, so that the database
        // searches by index (enrolments by protocol, then rows by enrolment) instead of scanning every cité's rows.
        var protocolEnrolments = db.Enrolments.AsNoTracking().Where(e => e.ProtocolId == protocolId);
        var enrolments = await protocolEnrolments.OrderBy(e => e.Id)
            .Select(e => new { e.Id, Group = e.Group!.Code, e.ClusterCode, e.Status, Pseudonym = pseudonyms ? e.Participant!.Pseudonym : "" })
            .ToListAsync(cancellationToken);
        var moves = new Dictionary<int, string>();
        if (assignment == GroupAssignment.AsTreated)
        {
            var changes = await (from e in protocolEnrolments
                                 join c in db.GroupChanges on e.Id equals c.EnrolmentId
                                 join g in db.Groups on c.GroupId equals g.Id
                                 select new { c.Id, c.EnrolmentId, Group = g.Code }).ToListAsync(cancellationToken);
            foreach (var change in changes.OrderBy(c => c.Id)) moves[change.EnrolmentId] = change.Group;
        }

        var baseline = await (from e in protocolEnrolments
                              join b in db.BaselineValues on e.Id equals b.EnrolmentId
                              select new { b.EnrolmentId, b.CovariateCode, b.Value }).ToListAsync(cancellationToken);

        var waveCodes = await db.Waves.Where(w => w.ProtocolId == protocolId).ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);
        var indicatorCodes = await db.Indicators.Where(i => i.ProtocolId == protocolId).ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var keys = new Dictionary<(int, int), string>();
        var enrolment = new List<int>();
        var key = new List<string>();
        var wave = new List<string>();
        var value = new List<double>();
        var date = new List<DateOnly?>();
        var observations = (from e in protocolEnrolments
                            join o in db.Observations on e.Id equals o.EnrolmentId
                            select new { o.EnrolmentId, o.WaveId, o.IndicatorId, o.Value, o.CollectedOn }).AsAsyncEnumerable();
        await foreach (var o in observations.WithCancellation(cancellationToken))
        {
            if (!keys.TryGetValue((o.IndicatorId, o.WaveId), out var column))
                keys[(o.IndicatorId, o.WaveId)] = column = AnalysisDataset.Key(indicatorCodes[o.IndicatorId], waveCodes[o.WaveId]);
            enrolment.Add(o.EnrolmentId);
            key.Add(column);
            wave.Add(waveCodes[o.WaveId]);
            value.Add(o.Value);
            date.Add(o.CollectedOn);
        }

        return new DatasetRows(version, assignment,
            [.. enrolments.Select(e => e.Id)], [.. enrolments.Select(e => e.Pseudonym)], [.. enrolments.Select(e => moves.GetValueOrDefault(e.Id, e.Group))],
            [.. enrolments.Select(e => e.ClusterCode)], [.. enrolments.Select(e => e.Status)],
            [.. baseline.Select(b => b.EnrolmentId)], [.. baseline.Select(b => b.CovariateCode)], [.. baseline.Select(b => b.Value)],
            [.. enrolment], [.. key], [.. wave], [.. value], [.. date]);
    }
}
