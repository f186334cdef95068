using ImpactEval.Analysis.National;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests.National;

public class PoolingServiceTests
{
    // Four cités run PasserelleS (the same protocol family under their own identifiers); one has so few families that its
    // groups are below the secrecy threshold: its estimate is not published, so it is excluded and counted. The three others
    // are pooled from their stored estimates exactly as Pooling.Pool pools them (checked against metafor in PoolingTests).
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PoolAsync_FourCitesOneSmall_ThreePooledOneCounted(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadCiteAsync(store, "passerelles-a", "CE-901-01", 11, 160);
        await DemoData.LoadCiteAsync(store, "passerelles-b", "CE-902-01", 12, 160);
        await DemoData.LoadCiteAsync(store, "passerelles-c", "CE-903-01", 13, 160);
        await DemoData.LoadCiteAsync(store, "passerelles-d", "CE-904-01", 14, 9);
        await using var db = await store.OpenAsync();
        foreach (var id in new[] { "passerelles-a", "passerelles-b", "passerelles-c", "passerelles-d" })
            await new EstimateService(db).ComputeAsync(id, "tests");

        var outcome = await new PoolingService(db).PoolAsync("A2", "COOP_SEPARATION", "EAJE", [], threshold: 5);

        Assert.NotNull(outcome.Pooled);
        var pooled = outcome.Pooled!;
        Assert.Equal(["CE-901-01", "CE-902-01", "CE-903-01"], pooled.Included.Select(c => c.Territory));
        Assert.Equal(1, pooled.BelowThreshold);
        var again = Pooling.Pool("A2", pooled.Included, 5);
        Assert.Equal(again.Result.Pooled.Value, pooled.Result.Pooled.Value);
        Assert.Equal(24, pooled.Result.Pooled.DegreesOfFreedom + 22); // Knapp–Hartung t on k − 1 = 2 df
        Assert.Contains("3 cités regroupées", outcome.Message);

        var missing = await new PoolingService(db).PoolAsync("A9", "COOP_SEPARATION", "EAJE", [], threshold: 5);
        Assert.Null(missing.Pooled);
        Assert.Contains("Aucune cité", missing.Message);
    }
}
