using Xunit;
using Xunit.Abstractions;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Cluster bootstrap of statistics on families nested in schools. Bootstrap draws cannot be matched
/// to R (different generator), so these tests check properties: reproducibility, honest failure
/// counts, coverage in a seeded simulation, and a loose agreement with R's boot on the same data
/// (Fixtures/design/bootstrap.json "cluster_mean": boot(R = 20000) + boot.ci(type = "perc")).
/// </summary>
public class ClusterBootstrapTests(ITestOutputHelper output)
{
    private static readonly System.Text.Json.JsonElement Fixture = Load("design/bootstrap.json");

    private static (double[] Y, int[] Cluster) FixtureData()
    {
        var c = Fixture.GetProperty("cluster_mean");
        return (Doubles(c.GetProperty("y")), Doubles(c.GetProperty("cluster")).Select(x => (int)x).ToArray());
    }

    private static Func<ReadOnlySpan<int>, double> MeanOf(double[] y) => rows =>
    {
        var sum = 0.0;
        foreach (var i in rows) sum += y[i];
        return sum / rows.Length;
    };

    [Fact]
    public void Percentile_SameSeedTwice_IdenticalResults()
    {
        var (y, cluster) = FixtureData();
        var a = ClusterBootstrap.Percentile(cluster, MeanOf(y), seed: 42, replications: 999);
        var b = ClusterBootstrap.Percentile(cluster, MeanOf(y), seed: 42, replications: 999);
        Assert.True(a.Replicates.SequenceEqual(b.Replicates));
        Assert.Equal(a.Estimate, b.Estimate);
        Assert.Equal(30, a.Clusters);
        Assert.Equal(y.Length, a.Estimate.N);
    }

    [Fact]
    public void Percentile_DifferentSeed_DifferentReplicates()
    {
        var (y, cluster) = FixtureData();
        var a = ClusterBootstrap.Percentile(cluster, MeanOf(y), seed: 42, replications: 999);
        var b = ClusterBootstrap.Percentile(cluster, MeanOf(y), seed: 43, replications: 999);
        Assert.False(a.Replicates.SequenceEqual(b.Replicates));
        Assert.NotEqual(a.Estimate.Interval, b.Estimate.Interval);
    }

    [Fact]
    public void Percentile_StringLabels_SameAsIntegerCodes()
    {
        var (y, cluster) = FixtureData();
        var labels = cluster.Select(c => $"école {c}").ToArray();
        var a = ClusterBootstrap.Percentile(cluster, MeanOf(y), seed: 5, replications: 200);
        var b = ClusterBootstrap.Percentile(labels, MeanOf(y), seed: 5, replications: 200);
        Assert.True(a.Replicates.SequenceEqual(b.Replicates));
    }

    [Fact]
    public void Percentile_ResampledRows_AreWholeClusters()
    {
        // Every replicate must contain each drawn cluster entirely: count rows per cluster code in the span.
        var cluster = new[] { 7, 7, 7, 3, 3, 9, 9, 9, 9, 1 };
        var sizes = cluster.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var checkedReplicates = 0;
        ClusterBootstrap.Percentile(cluster, rows =>
        {
            var counts = new Dictionary<int, int>();
            foreach (var i in rows) counts[cluster[i]] = counts.GetValueOrDefault(cluster[i]) + 1;
            foreach (var (code, count) in counts) Assert.Equal(0, count % sizes[code]);
            checkedReplicates++;
            return rows.Length;
        }, seed: 1, replications: 100);
        Assert.Equal(101, checkedReplicates); // full data + 100 replications
    }

    [Fact]
    public void Percentile_StatisticFailsOnSomeResamples_CountsAndReportsFailures()
    {
        // A statistic undefined when school 1 is absent (throws) or when school 2 is absent (NaN).
        var (y, cluster) = FixtureData();
        var r = ClusterBootstrap.Percentile(cluster, rows =>
        {
            bool has1 = false, has2 = false;
            foreach (var i in rows)
            {
                has1 |= cluster[i] == 1;
                has2 |= cluster[i] == 2;
            }
            if (!has1) throw new StatisticsException("école 1 absente");
            return has2 ? MeanOf(y)(rows) : double.NaN;
        }, seed: 11, replications: 1000);
        // P(a given school is absent from 30 draws) = (29/30)^30 ≈ 0.36, so failures are many but not all.
        Assert.InRange(r.FailedReplications, 400, 750);
        Assert.Equal(1000, r.ValidReplications + r.FailedReplications);
        Assert.Equal(r.ValidReplications, r.Replicates.Length);
        Assert.Contains(r.Estimate.Warnings, w => w.Contains($"{r.FailedReplications} réplication(s) bootstrap sur 1000"));
    }

    [Fact]
    public void Percentile_AgainstRBootOnSameData_LooselyClose()
    {
        // Different generators: compare with Monte Carlo slack. With R = 20,000 on both sides the endpoints'
        // Monte Carlo SD is about 0.02 bootstrap SE; allow 0.15 SE, and 5 % on the SE itself.
        var (y, cluster) = FixtureData();
        var c = Fixture.GetProperty("cluster_mean");
        var r = ClusterBootstrap.Percentile(cluster, MeanOf(y), seed: 2024, replications: 20000);
        AssertClose(c.D("estimate"), r.Estimate.Value, 1e-12, "full-data mean");
        Assert.InRange(r.Estimate.StandardError / c.D("se"), 0.95, 1.05);
        Assert.InRange(Math.Abs(r.Estimate.Interval.Lower - c.D("lower")), 0, 0.15 * c.D("se"));
        Assert.InRange(Math.Abs(r.Estimate.Interval.Upper - c.D("upper")), 0, 0.15 * c.D("se"));
    }

    [Fact]
    public void Percentile_CoverageSimulationThirtyClusters_NearNominal()
    {
        // What is measured: over 500 seeded datasets of 30 schools (5–15 families each, ICC 0.2, true mean 1),
        // the share of 95 % cluster-bootstrap percentile intervals (999 replications) for the overall mean of
        // families that contain the true mean. Monte Carlo SE ≈ 1 point; percentile intervals with 30 clusters
        // are expected slightly below 95 %. Requirement: 92–97 %.
        const int datasets = 500;
        var rng = new Xoshiro256StarStar(20240611);
        var covered = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var d = 0; d < datasets; d++)
        {
            var ys = new List<double>();
            var cs = new List<int>();
            for (var j = 0; j < 30; j++)
            {
                var size = 5 + rng.NextInt(11);
                var u = Math.Sqrt(0.2) * rng.NextStandardNormal();
                for (var i = 0; i < size; i++)
                {
                    ys.Add(1 + u + Math.Sqrt(0.8) * rng.NextStandardNormal());
                    cs.Add(j);
                }
            }
            var y = ys.ToArray();
            var r = ClusterBootstrap.Percentile(cs.ToArray(), MeanOf(y), seed: (ulong)d, replications: 999);
            if (r.Estimate.Interval.Contains(1.0)) covered++;
        }
        var coverage = (double)covered / datasets;
        output.WriteLine($"coverage {coverage:P1} over {datasets} datasets in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(coverage, 0.92, 0.97);
    }

    [Fact]
    public void Percentile_SingleCluster_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => ClusterBootstrap.Percentile([4, 4, 4], rows => rows.Length, seed: 1));
        Assert.Contains("au moins deux grappes", ex.Message);
    }

    [Fact]
    public void Percentile_ConstantOutcome_ThrowsFrench()
    {
        var y = new double[] { 2, 2, 2, 2, 2, 2 };
        var ex = Assert.Throws<StatisticsException>(() => ClusterBootstrap.Percentile([1, 1, 2, 2, 3, 3], MeanOf(y), seed: 1, replications: 50));
        Assert.Contains("erreur-type bootstrap est nulle", ex.Message);
    }

    [Fact]
    public void Percentile_StatisticUndefinedOnFullData_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => ClusterBootstrap.Percentile([1, 2, 3], _ => double.NaN, seed: 1));
        Assert.Contains("échantillon complet", ex.Message);
    }

    [Fact]
    public void Percentile_EveryReplicationFails_ThrowsFrench()
    {
        var calls = 0;
        var ex = Assert.Throws<StatisticsException>(() => ClusterBootstrap.Percentile([1, 2, 3], _ => calls++ == 0 ? 1.0 : double.NaN, seed: 1, replications: 20));
        Assert.Contains("Seules 0 réplication(s)", ex.Message);
    }

    [Fact]
    public void Percentile_FewClusters_WarnsFrench()
    {
        var y = new double[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        var r = ClusterBootstrap.Percentile([1, 1, 2, 2, 3, 3, 4, 4], MeanOf(y), seed: 3, replications: 200);
        Assert.Contains(r.Estimate.Warnings, w => w.Contains("seulement 4 grappes"));
    }

    [Fact]
    public void Percentile_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterBootstrap.Percentile([1, 2], rows => rows.Length, seed: 1, replications: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterBootstrap.Percentile([1, 2], rows => rows.Length, seed: 1, level: 1));
    }
}
