using System.Text.Json.Nodes;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Analysis.Tests;

public class EstimateServiceTests
{
    // A store upgraded from a build before this engine version: its last run's data has not changed, but the numbers were
    // made by older code. The next estimate recomputes them (a new run, audited as such) instead of reusing them, and the
    // new run is reused afterwards.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ComputeAsync_RunStoredByOlderEngine_Recomputed(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 150);
        await using var db = await store.OpenAsync();
        var service = new EstimateService(db);

        var first = await service.ComputeAsync("passerelles", "tests");
        Assert.False(first.Reused);
        Assert.Equal(AnalysisEngine.Version, first.Results.EngineVersion);
        Assert.Equal(ResultsJson.FormatVersion, first.Results.FormatVersion);
        Assert.False(string.IsNullOrEmpty(first.Results.BuildVersion));
        Assert.True((await service.ComputeAsync("passerelles", "tests")).Reused);

        // The JSON an older build stored: no format, engine or build version.
        var run = await db.EstimateRuns.SingleAsync(r => r.Id == first.RunId);
        var json = JsonNode.Parse(run.ResultJson)!.AsObject();
        foreach (var key in new[] { "formatVersion", "engineVersion", "buildVersion" }) Assert.True(json.Remove(key), key);
        run.ResultJson = json.ToJsonString();
        await db.SaveChangesAsync();
        Assert.Equal(0, ResultsJson.Read(run.ResultJson).EngineVersion);

        var recomputed = await service.ComputeAsync("passerelles", "tests");
        Assert.False(recomputed.Reused);
        Assert.NotEqual(first.RunId, recomputed.RunId);
        Assert.Equal(AnalysisEngine.Version, recomputed.Results.EngineVersion);
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "estimates.compute").Select(a => a.Details).ToListAsync(),
            d => d!.Contains("recalculées") && d.Contains($"moteur d’analyse {AnalysisEngine.Version}"));
        var reused = await service.ComputeAsync("passerelles", "tests");
        Assert.True(reused.Reused);
        Assert.Equal(recomputed.RunId, reused.RunId);
    }
}

public class AnalysisEngineTests
{
    // Built from a git checkout (a clean clone, CI), the informational version names the product version and the commit.
    [Fact]
    public void BuildVersion_FromGitCheckout_ProductVersionAndCommit()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ImpactEval.sln"))) root = root.Parent;
        Assert.NotNull(root);
        if (!Directory.Exists(Path.Combine(root!.FullName, ".git")) && !File.Exists(Path.Combine(root.FullName, ".git")))
            return; // an exported tree without git: nothing to name (the version is then the product version alone)
        Assert.Matches(@"^\d+\.\d+\.\d+\+[0-9a-f]{7,40}$", AnalysisEngine.BuildVersion);
        Assert.DoesNotMatch(@"^1\.0\.0", AnalysisEngine.BuildVersion);
        Assert.Equal($"{AnalysisEngine.BuildVersion} (moteur d’analyse {AnalysisEngine.Version})", AnalysisEngine.Describe(AnalysisEngine.BuildVersion, AnalysisEngine.Version));
    }
}
