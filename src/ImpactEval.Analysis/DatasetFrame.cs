using System.Collections.Immutable;
using Deedle;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Analysis;

/// <summary>
/// The analysis dataset as a Deedle data frame, one row per enrolment (keyed by enrolment id), for export: pseudonym,
/// group, cluster, status, each baseline covariate and each indicator × wave. Built with frame operations: the long
/// observations and baseline values pivoted to one series per column, left-joined on the enrolments (an enrolment without a
/// value gets a missing value), then handed to Statistics as arrays by <see cref="ToAnalysisDataset"/>.
/// </summary>
public sealed class DatasetFrame
{
    private DatasetFrame(Model.Protocol protocol, DatasetRows rows, Frame<int, string> frame, ImmutableArray<CodebookEntry> codebook,
        ImmutableDictionary<string, Series<int, DateOnly>> dates)
    {
        Protocol = protocol;
        Rows = rows;
        Frame = frame;
        Codebook = codebook;
        this.dates = dates;
    }

    private readonly ImmutableDictionary<string, Series<int, DateOnly>> dates;

    /// <summary>The protocol.</summary>
    public Model.Protocol Protocol { get; }

    /// <summary>The rows it was assembled from.</summary>
    public DatasetRows Rows { get; }

    /// <summary>The frame: row key the enrolment id, columns named as <see cref="Codebook"/>'s variables, in its order.</summary>
    public Frame<int, string> Frame { get; }

    /// <summary>What each column holds.</summary>
    public ImmutableArray<CodebookEntry> Codebook { get; }

    /// <summary>Number of rows (enrolments).</summary>
    public int Count => Frame.RowCount;

    /// <summary>Assembles the frame of <paramref name="rows"/>.</summary>
    public static DatasetFrame Assemble(Model.Protocol protocol, DatasetRows rows)
    {
        var codebook = DatasetCodebook.For(protocol);
        var ids = rows.EnrolmentIds;
        var frame = Deedle.Frame.FromRowKeys(ids);
        var fixedColumns = codebook.Where(c => c.Source == CodebookSource.Enrolment).Select(c => c.Variable).ToList();
        frame.AddColumn(fixedColumns[0], rows.Pseudonyms);
        frame.AddColumn(fixedColumns[1], rows.Groups);
        frame.AddColumn(fixedColumns[2], rows.Clusters);
        frame.AddColumn(fixedColumns[3], rows.Statuses);

        // Long to wide: one series per covariate and per indicator × wave, keyed by enrolment, then a left join on the enrolments.
        var baseline = Pivot(rows.BaselineEnrolment, rows.BaselineCovariate, rows.BaselineValue);
        var observed = Pivot(rows.ObservationEnrolment, rows.ObservationKey, rows.ObservationValue);
        var wide = Deedle.Frame.FromColumns(codebook.Where(c => c.Source != CodebookSource.Enrolment)
            .Select(c => KeyValuePair.Create(c.Variable, (c.Source == CodebookSource.Baseline ? baseline : observed).GetValueOrDefault(c.Key) ?? new Series<int, double>([], []))));
        var joined = frame.Join(wide, JoinKind.Left);
        return new DatasetFrame(protocol, rows, joined, codebook, CollectionDates(rows));
    }

    /// <summary>One series per key of the long rows (enrolment, key, value); a repeated (enrolment, key) keeps its last value.</summary>
    private static Dictionary<string, Series<int, double>> Pivot(int[] enrolments, string[] keys, double[] values)
    {
        var builders = new Dictionary<string, (List<int> Keys, List<double> Values)>(StringComparer.Ordinal);
        for (var k = 0; k < values.Length; k++)
        {
            if (!builders.TryGetValue(keys[k], out var column)) builders[keys[k]] = column = ([], []);
            column.Keys.Add(enrolments[k]);
            column.Values.Add(values[k]);
        }
        return builders.ToDictionary(b => b.Key, b =>
        {
            var last = new Dictionary<int, double>(b.Value.Keys.Count);
            for (var i = 0; i < b.Value.Keys.Count; i++) last[b.Value.Keys[i]] = b.Value.Values[i];
            return new Series<int, double>(last);
        }, StringComparer.Ordinal);
    }

    private static ImmutableDictionary<string, Series<int, DateOnly>> CollectionDates(DatasetRows rows)
    {
        var latest = new Dictionary<string, Dictionary<int, DateOnly>>(StringComparer.Ordinal);
        for (var k = 0; k < rows.ObservationDate.Length; k++)
        {
            if (rows.ObservationDate[k] is not { } date) continue;
            if (!latest.TryGetValue(rows.ObservationWave[k], out var wave)) latest[rows.ObservationWave[k]] = wave = [];
            if (!wave.TryGetValue(rows.ObservationEnrolment[k], out var seen) || date > seen) wave[rows.ObservationEnrolment[k]] = date;
        }
        return latest.ToImmutableDictionary(w => w.Key, w => new Series<int, DateOnly>(w.Value), StringComparer.Ordinal);
    }

    /// <summary>A numeric column as an array, NaN where the value is missing.</summary>
    /// <remarks>Deedle counts NaN as missing too, so the missing values are read back one by one (FillMissing would keep them out of <c>Values</c>).</remarks>
    public double[] Numbers(string variable) => [.. Frame.GetColumn<double>(variable).GetAllValues().Select(v => v.HasValue ? v.Value : double.NaN)];

    /// <summary>A text column as an array, null where the value is missing.</summary>
    public string?[] Texts(string variable) => [.. Frame.GetColumn<string>(variable).GetAllValues().Select(v => v.HasValue ? v.Value : null)];

    /// <summary>The arrays Statistics work on: the same dataset as <see cref="DatasetBuilder.Assemble"/> (same fingerprint).</summary>
    public AnalysisDataset ToAnalysisDataset()
    {
        // As the array assembly: a column only for an indicator × wave with at least one value.
        var observed = Rows.ObservationKey.ToHashSet(StringComparer.Ordinal);
        var outcomes = Codebook.Where(c => c.Source == CodebookSource.Observation && observed.Contains(c.Key))
            .ToImmutableDictionary(c => c.Key, c => Numbers(c.Variable).ToImmutableArray());
        var covariates = Codebook.Where(c => c.Source == CodebookSource.Baseline).ToImmutableDictionary(c => c.Key, c => Numbers(c.Variable).ToImmutableArray());
        var ids = Frame.RowKeys.ToArray();
        var collected = Protocol.Waves.ToImmutableDictionary(w => w.Code, w => dates.TryGetValue(w.Code, out var series)
            ? ids.Select(id => series.TryGet(id) is { HasValue: true } d ? d.Value : (DateOnly?)null).ToImmutableArray()
            : [.. new DateOnly?[ids.Length]]);
        var fixedColumns = Codebook.Where(c => c.Source == CodebookSource.Enrolment).Select(c => c.Variable).ToList();
        return DatasetBuilder.Create(Protocol.Id, Rows, [.. Texts(fixedColumns[1]).Select(g => g!)], [.. Texts(fixedColumns[2])],
            [.. Texts(fixedColumns[3]).Select(s => s!)], covariates, outcomes, collected);
    }
}
