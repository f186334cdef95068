using Xunit;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>
/// The fast CR2 path (per-cluster QR, k×k algebra) against the naive dense definition
/// (<see cref="DenseCr2Oracle"/>: n×n hat matrix, n_g×n_g adjustment, J×J df matrix), plus the
/// cluster edge cases. Data are seeded synthetic pupils in 8 schools of unequal sizes (1…12), with a
/// school-level treatment (constant within clusters, so X_g is rank-deficient), an individual covariate
/// and, for WLS, weights that are constant within some schools and vary in others.
/// </summary>
public class ClusterRobustTests
{
    private static (double[,] X, double[] Y, double[] W, int[] Cl) Schools(int seed)
    {
        var rng = new Random(seed);
        int[] sizes = [1, 2, 3, 4, 5, 7, 9, 12];
        int n = sizes.Sum();
        var x = new double[n, 4];
        var y = new double[n];
        var w = new double[n];
        var cl = new int[n];
        int i = 0;
        for (int g = 0; g < sizes.Length; g++)
        {
            double u = Normal(rng);
            double wg = 0.5 + rng.NextDouble();
            for (int k = 0; k < sizes[g]; k++, i++)
            {
                cl[i] = 10 * g + 3;
                x[i, 0] = 1;
                x[i, 1] = g % 2;                       // school-level treatment
                x[i, 2] = Normal(rng);
                x[i, 3] = 100 + 15 * Normal(rng);      // a baseline score with a large mean
                w[i] = g < 4 ? wg : 0.5 + rng.NextDouble();
                y[i] = 2 + 0.5 * x[i, 1] + 0.8 * x[i, 2] + 0.05 * x[i, 3] + u + Normal(rng) * (1 + Math.Abs(x[i, 2]));
            }
        }
        return (x, y, w, cl);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static DesignMatrix Design(double[,] x)
    {
        int n = x.GetLength(0);
        var b = new DesignMatrixBuilder(n);
        for (int j = 1; j < x.GetLength(1); j++)
        {
            var col = new double[n];
            for (int i = 0; i < n; i++) col[i] = x[i, j];
            b.AddNumeric($"x{j}", col);
        }
        return b.Build();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void CR2_SmallData_EqualsDenseDefinition(int seed, bool weighted)
    {
        var (x, y, w, cl) = Schools(seed);
        var fit = weighted ? LinearModel.Wls(y, Design(x), w) : LinearModel.Ols(y, Design(x));
        var table = fit.CR2(cl);
        var (se, df) = DenseCr2Oracle.Compute(x, y, weighted ? w : null, cl);
        for (int j = 0; j < se.Length; j++)
        {
            ReferenceFixture.AssertClose(se[j], table.Estimates[j].StandardError, 1e-10, $"SE {table.Estimates[j].Term}");
            ReferenceFixture.AssertClose(df[j], table.Estimates[j].DegreesOfFreedom, 1e-9, $"df {table.Estimates[j].Term}");
        }
        Assert.Equal(8, table.ClusterCount);
    }

    [Fact]
    public void CR2_AbsorbedUnitEffects_EqualsDenseDefinitionWithDummies()
    {
        // 12 pupils followed over 3 waves (one wave missing for two of them), 5 schools; unit effects
        // absorbed by demeaning vs. the dense definition on the design with explicit unit dummies.
        var rng = new Random(7);
        var rows = new List<(int Unit, int Wave)>();
        for (int u = 0; u < 12; u++)
            for (int t = 0; t < 3; t++)
                if (!((u == 3 && t == 2) || (u == 8 && t == 0))) rows.Add((u, t));
        int n = rows.Count;
        int[] schoolOf = [0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4];
        var y = new double[n];
        var d = new double[n];
        var xcov = new double[n];
        var unit = new int[n];
        var wave = new int[n];
        var school = new int[n];
        var alpha = Enumerable.Range(0, 12).Select(_ => Normal(rng)).ToArray();
        for (int i = 0; i < n; i++)
        {
            var (u, t) = rows[i];
            unit[i] = u; wave[i] = t; school[i] = schoolOf[u];
            d[i] = u < 6 && t >= 1 ? 1 : 0;
            xcov[i] = Normal(rng);
            y[i] = alpha[u] + 0.3 * t + 1.1 * d[i] + 0.4 * xcov[i] + Normal(rng);
        }
        var model = DifferenceInDifferences.TwoWayFixedEffects(y, unit, wave, [.. d.Select(v => v == 1)],
            [new Predictor("x", xcov)]);
        var table = model.CR2(school).Model;
        // Dense: D, x, wave[1], wave[2], then 12 unit dummies (no intercept).
        var x = new double[n, 4 + 12];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = d[i]; x[i, 1] = xcov[i]; x[i, 2] = wave[i] == 1 ? 1 : 0; x[i, 3] = wave[i] == 2 ? 1 : 0;
            x[i, 4 + unit[i]] = 1;
        }
        var (se, df) = DenseCr2Oracle.Compute(x, y, null, school);
        for (int j = 0; j < 4; j++)
        {
            ReferenceFixture.AssertClose(se[j], table.Estimates[j].StandardError, 1e-10, $"SE {table.Estimates[j].Term}");
            ReferenceFixture.AssertClose(df[j], table.Estimates[j].DegreesOfFreedom, 1e-9, $"df {table.Estimates[j].Term}");
        }
    }

    [Fact]
    public void CR2_ClusterWithOneObservation_IsFiniteAndMatchesDense()
    {
        // A school with a single pupil (first cluster of the synthetic data) contributes a 1×1 block.
        var (x, y, _, cl) = Schools(11);
        var table = LinearModel.Ols(y, Design(x)).CR2(cl);
        var (se, _) = DenseCr2Oracle.Compute(x, y, null, cl);
        Assert.All(table.Estimates, e => Assert.True(double.IsFinite(e.StandardError) && double.IsFinite(e.DegreesOfFreedom)));
        ReferenceFixture.AssertClose(se[1], table.Estimates[1].StandardError, 1e-10, "treatment SE");
    }

    [Theory]
    [InlineData("CR0")]
    [InlineData("CR1")]
    [InlineData("CR2")]
    public void ClusterRobust_SingleCluster_RefusesInFrench(string type)
    {
        // Every pupil comes from the same school: no between-cluster variation to estimate a variance.
        var (x, y, _, _) = Schools(5);
        var fit = LinearModel.Ols(y, Design(x));
        var one = new int[y.Length];
        var ex = Assert.Throws<StatisticsException>(() => type switch
        {
            "CR0" => fit.CR0(one),
            "CR1" => fit.CR1(one),
            _ => fit.CR2(one),
        });
        Assert.Contains("une seule grappe", ex.Message);
    }

    [Fact]
    public void CR2_ClustersOfWrongLength_ThrowsArgumentException()
    {
        var (x, y, _, cl) = Schools(5);
        var fit = LinearModel.Ols(y, Design(x));
        Assert.Throws<ArgumentException>(() => fit.CR2(cl.AsSpan(1)));
    }
}
