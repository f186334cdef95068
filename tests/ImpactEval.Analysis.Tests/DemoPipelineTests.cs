using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests;

public class DemoPipelineTests
{
    // The demo cohort goes through registration, the user import path and the analysis on both stores.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Run_DemoCohort_FlowMatchesGeneratedCohort(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await DemoData.LoadAsync(store);

        Assert.Equal(900, demo.Results.Participants);
        foreach (var group in demo.Results.Flow.Groups)
        {
            var generated = demo.Cohort.Participants.Where(p => p.Group == group.Group).ToList();
            Assert.Equal(generated.Count, group.Enrolled);
            foreach (var wave in group.Waves)
                Assert.Equal(generated.Count(p => p.Waves.TryGetValue(wave.Wave, out var r) && r.Values.Count > 0), wave.Observed);
        }
    }
}
