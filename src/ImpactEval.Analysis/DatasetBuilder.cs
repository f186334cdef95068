using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Analysis;

/// <summary>Reads a protocol's stored data into an <see cref="AnalysisDataset"/> (the only I/O of the analysis layer).</summary>
public sealed class DatasetBuilder(ImpactEvalDbContext db)
{
    /// <summary>Builds the dataset of the current data of <paramref name="protocol"/>, groups as at enrolment (intention to treat).</summary>
    /// <param name="protocol">The protocol (current version).</param>
    /// <param name="version">Its version number.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public Task<AnalysisDataset> BuildAsync(Model.Protocol protocol, int version, CancellationToken cancellationToken = default) =>
        BuildAsync(protocol, version, GroupAssignment.IntentionToTreat, cancellationToken);

    /// <summary>Builds the dataset of the current data of <paramref name="protocol"/> with the chosen group assignment.</summary>
    /// <param name="protocol">The protocol (current version).</param>
    /// <param name="version">Its version number.</param>
    /// <param name="assignment">Group at enrolment (default, see <see cref="GroupAssignment"/>) or after the latest change.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<AnalysisDataset> BuildAsync(Model.Protocol protocol, int version, GroupAssignment assignment, CancellationToken cancellationToken = default)
    {
        var protocolId = await db.Protocols.Where(p => p.Code == protocol.Id).Select(p => p.Id).SingleAsync(cancellationToken);
        // Every query below starts from this protocol's enrolments and joins to the rows they own, so that the database
        // searches by index (enrolments by protocol, then rows by enrolment) instead of scanning every cité's rows.
        var protocolEnrolments = db.Enrolments.AsNoTracking().Where(e => e.ProtocolId == protocolId);
        var enrolments = await protocolEnrolments.OrderBy(e => e.Id)
            .Select(e => new { e.Id, Group = e.Group!.Code, e.ClusterCode, e.Status }).ToListAsync(cancellationToken);
        var moves = new Dictionary<int, string>();
        if (assignment == GroupAssignment.AsTreated)
        {
            var changes = await (from e in protocolEnrolments
                                 join c in db.GroupChanges on e.Id equals c.EnrolmentId
                                 join g in db.Groups on c.GroupId equals g.Id
                                 select new { c.Id, c.EnrolmentId, Group = g.Code }).ToListAsync(cancellationToken);
            foreach (var change in changes.OrderBy(c => c.Id)) moves[change.EnrolmentId] = change.Group;
        }
        var row = new Dictionary<int, int>(enrolments.Count);
        for (var i = 0; i < enrolments.Count; i++) row[enrolments[i].Id] = i;
        var n = enrolments.Count;

        var covariates = protocol.Covariates.ToDictionary(c => c.Code, _ => Filled(n));
        var baseline = await (from e in protocolEnrolments
                              join b in db.BaselineValues on e.Id equals b.EnrolmentId
                              select new { b.EnrolmentId, b.CovariateCode, b.Value }).ToListAsync(cancellationToken);
        foreach (var value in baseline)
            if (covariates.TryGetValue(value.CovariateCode, out var column)) column[row[value.EnrolmentId]] = value.Value;

        var waveCodes = await db.Waves.Where(w => w.ProtocolId == protocolId).ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);
        var indicatorCodes = await db.Indicators.Where(i => i.ProtocolId == protocolId).ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var outcomes = new Dictionary<string, double[]>();
        var collected = protocol.Waves.ToDictionary(w => w.Code, _ => new DateOnly?[n]);
        var observations = (from e in protocolEnrolments
                            join o in db.Observations on e.Id equals o.EnrolmentId
                            select new { o.EnrolmentId, o.WaveId, o.IndicatorId, o.Value, o.CollectedOn }).AsAsyncEnumerable();
        await foreach (var o in observations.WithCancellation(cancellationToken))
        {
            var wave = waveCodes[o.WaveId];
            var key = AnalysisDataset.Key(indicatorCodes[o.IndicatorId], wave);
            if (!outcomes.TryGetValue(key, out var column)) outcomes[key] = column = Filled(n);
            var r = row[o.EnrolmentId];
            column[r] = o.Value;
            if (collected.TryGetValue(wave, out var dates) && o.CollectedOn is { } date && (dates[r] is null || date > dates[r])) dates[r] = date;
        }

        var groups = enrolments.Select(e => moves.GetValueOrDefault(e.Id, e.Group)).ToImmutableArray();
        var clusters = enrolments.Select(e => e.ClusterCode).ToImmutableArray();
        var statuses = enrolments.Select(e => e.Status).ToImmutableArray();
        var covariateColumns = covariates.ToImmutableDictionary(c => c.Key, c => c.Value.ToImmutableArray());
        var outcomeColumns = outcomes.ToImmutableDictionary(c => c.Key, c => c.Value.ToImmutableArray());
        var dateColumns = collected.ToImmutableDictionary(c => c.Key, c => c.Value.ToImmutableArray());
        return new AnalysisDataset(protocol.Id, version, groups, clusters, statuses, covariateColumns, outcomeColumns, dateColumns,
            Fingerprint(version, assignment, groups, clusters, statuses, covariateColumns, outcomeColumns)) { Assignment = assignment };
    }

    private static double[] Filled(int n)
    {
        var column = new double[n];
        Array.Fill(column, double.NaN);
        return column;
    }

    private static string Fingerprint(int version, GroupAssignment assignment, ImmutableArray<string> groups, ImmutableArray<string?> clusters, ImmutableArray<string> statuses,
        ImmutableDictionary<string, ImmutableArray<double>> covariates, ImmutableDictionary<string, ImmutableArray<double>> outcomes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(version));
        // Intention-to-treat datasets hash as they always did, so their stored estimates stay valid.
        if (assignment != GroupAssignment.IntentionToTreat) hash.AppendData(Encoding.UTF8.GetBytes($"assignment={assignment}\u001E"));
        for (var i = 0; i < groups.Length; i++) hash.AppendData(Encoding.UTF8.GetBytes($"{groups[i]}\u001F{clusters[i]}\u001F{statuses[i]}\u001E"));
        foreach (var columns in new[] { covariates, outcomes })
            foreach (var (key, column) in columns.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(key));
                foreach (var value in column) hash.AppendData(BitConverter.GetBytes(value));
            }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
