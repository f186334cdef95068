using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests;

public class DatasetFrameTests
{
    // The export's data frame (Deedle: long rows pivoted to columns, left-joined on the enrolments) holds the same dataset
    // as the arrays the analyses run on: same fingerprint, one row per enrolment, NaN where nothing was collected.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Assemble_Demo_SameDatasetAsArrays(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await DemoData.LoadAsync(store, families: 200);
        await using var db = await store.OpenAsync();
        var rows = await DatasetRows.ReadAsync(db, demo.Protocol, demo.Version, GroupAssignment.IntentionToTreat, pseudonyms: true);

        var frame = DatasetFrame.Assemble(demo.Protocol, rows);

        Assert.Equal(demo.Dataset.Count, frame.Count);
        var fromFrame = frame.ToAnalysisDataset();
        foreach (var (key, column) in demo.Dataset.Outcomes)
            Assert.True(fromFrame.Outcomes.ContainsKey(key) && fromFrame.Outcomes[key].SequenceEqual(column), $"{key}: {(fromFrame.Outcomes.TryGetValue(key, out var c) ? $"{c.Length} {string.Join(",", c.Take(8))} vs {string.Join(",", column.Take(8))}" : "absent")}");
        foreach (var (key, column) in demo.Dataset.Covariates) Assert.True(fromFrame.Covariates[key].SequenceEqual(column), key);
        Assert.Equal(demo.Dataset.Groups.ToArray(), fromFrame.Groups.ToArray());
        Assert.Equal(demo.Dataset.Clusters.ToArray(), fromFrame.Clusters.ToArray());
        Assert.Equal(demo.Dataset.Statuses.ToArray(), fromFrame.Statuses.ToArray());
        Assert.Equal(demo.Dataset.Fingerprint, frame.ToAnalysisDataset().Fingerprint);
        Assert.All(frame.Codebook, c => Assert.Equal(frame.Count, c.Source == CodebookSource.Enrolment ? frame.Texts(c.Variable).Length : frame.Numbers(c.Variable).Length));
        Assert.All(frame.Texts(DatasetCodebook.Pseudonym), p => Assert.False(string.IsNullOrEmpty(p)));
        Assert.Equal(demo.Dataset.Outcome("COOP_PROPRETE", "T2").ToArray(), frame.Numbers("COOP_PROPRETE.T2"));
        Assert.Equal(["pseudonyme", "groupe", "ecole", "statut", "AGE_MOIS"], frame.Codebook.Take(5).Select(c => c.Variable));
    }
}
