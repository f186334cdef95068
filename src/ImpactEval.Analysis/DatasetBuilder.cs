using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Data;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Analysis;

/// <summary>
/// Reads a protocol's stored data (<see cref="DatasetRows"/>) and assembles the <see cref="AnalysisDataset"/> the analyses
/// run on, directly into arrays: the hot path of every estimate and report (the data-frame assembly of
/// <see cref="DatasetFrame"/> serves exports; docs/analysis-dataset.md gives the measured reason).
/// </summary>
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
    public async Task<AnalysisDataset> BuildAsync(Model.Protocol protocol, int version, GroupAssignment assignment, CancellationToken cancellationToken = default) =>
        Assemble(protocol, await DatasetRows.ReadAsync(db, protocol, version, assignment, cancellationToken: cancellationToken));

    /// <summary>Assembles the rows into the dataset's arrays: one row per enrolment, NaN for a missing value.</summary>
    public static AnalysisDataset Assemble(Model.Protocol protocol, DatasetRows rows)
    {
        var n = rows.EnrolmentIds.Length;
        var row = new Dictionary<int, int>(n);
        for (var i = 0; i < n; i++) row[rows.EnrolmentIds[i]] = i;

        var covariates = protocol.Covariates.ToDictionary(c => c.Code, _ => Filled(n));
        for (var k = 0; k < rows.BaselineValue.Length; k++)
            if (covariates.TryGetValue(rows.BaselineCovariate[k], out var column)) column[row[rows.BaselineEnrolment[k]]] = rows.BaselineValue[k];

        var outcomes = new Dictionary<string, double[]>();
        var collected = protocol.Waves.ToDictionary(w => w.Code, _ => new DateOnly?[n]);
        for (var k = 0; k < rows.ObservationValue.Length; k++)
        {
            if (!outcomes.TryGetValue(rows.ObservationKey[k], out var column)) outcomes[rows.ObservationKey[k]] = column = Filled(n);
            var r = row[rows.ObservationEnrolment[k]];
            column[r] = rows.ObservationValue[k];
            if (collected.TryGetValue(rows.ObservationWave[k], out var dates) && rows.ObservationDate[k] is { } date && (dates[r] is null || date > dates[r])) dates[r] = date;
        }

        return Create(protocol.Id, rows, [.. rows.Groups], [.. rows.Clusters], [.. rows.Statuses],
            covariates.ToImmutableDictionary(c => c.Key, c => c.Value.ToImmutableArray()),
            outcomes.ToImmutableDictionary(c => c.Key, c => c.Value.ToImmutableArray()),
            collected.ToImmutableDictionary(c => c.Key, c => c.Value.ToImmutableArray()));
    }

    /// <summary>The dataset of assembled columns, with its fingerprint.</summary>
    internal static AnalysisDataset Create(string protocolId, DatasetRows rows, ImmutableArray<string> groups, ImmutableArray<string?> clusters, ImmutableArray<string> statuses,
        ImmutableDictionary<string, ImmutableArray<double>> covariates, ImmutableDictionary<string, ImmutableArray<double>> outcomes,
        ImmutableDictionary<string, ImmutableArray<DateOnly?>> dates) =>
        new(protocolId, rows.ProtocolVersion, groups, clusters, statuses, covariates, outcomes, dates,
            Fingerprint(rows.ProtocolVersion, rows.Assignment, groups, clusters, statuses, covariates, outcomes)) { Assignment = rows.Assignment };

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
