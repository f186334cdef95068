using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Planning the most common cité design: families of the compared groups mixed within the same
/// schools (blocked / multisite individual comparison), 8 schools, ICC 0.05–0.2.
/// Expected values: Fixtures/design/power_blocked.json from Reference/design.R, where PowerUpR's
/// bira2f1 formulas (SSE = sqrt((1 − r21)/(P(1 − P)Jn)), df = J(n − 2) − g1, mrss iteration) are
/// hand-coded with r21 = 1 − (1 − ICC)(1 − R²within), and exact roots found with uniroot(tol = 1e-13).
/// </summary>
public class BlockedIndividualPowerTests
{
    private static readonly System.Text.Json.JsonElement Fixture = Load("design/power_blocked.json");

    [Fact]
    public void AllSolvers_PowerUpRBira2f1Formulas_MatchR()
    {
        foreach (var c in Fixture.EnumerateArray())
        {
            var a = new BlockedAssumptions(c.D("icc"), c.D("p"), c.D("r2w"), c.I("g1"));
            var what = $"J={c.D("J")} n={c.D("n")} icc={c.D("icc")}";
            AssertClose(c.D("r21"), a.PowerUpRSquared, 1e-14, "r21 " + what);

            var power = BlockedIndividualPower.Power(c.D("es"), c.D("J"), c.D("n"), a, c.D("alpha"));
            AssertClose(c.D("power_at_es"), power.Power, 1e-9, "power " + what);
            AssertClose(c.D("df"), power.DegreesOfFreedom, 1e-12, "df " + what);
            AssertClose(c.D("sse"), power.StandardisedStandardError, 1e-10, "SSE " + what);

            var exact = BlockedIndividualPower.MinimumDetectableEffect(c.D("J"), c.D("n"), a, c.D("power"), c.D("alpha"));
            AssertClose(c.D("mde"), exact.EffectSize, 1e-7, "exact MDE " + what);
            var bloom = BlockedIndividualPower.MinimumDetectableEffectByMultiplier(c.D("J"), c.D("n"), a, c.D("power"), c.D("alpha"));
            AssertClose(c.D("mde_multiplier"), bloom.EffectSize, 1e-9, "mdes.bira2f1 " + what);
            AssertClose(c.D("multiplier"), bloom.Multiplier, 1e-9, "multiplier " + what);

            var blocks = BlockedIndividualPower.Blocks(c.D("es"), c.D("n"), a, c.D("power"), c.D("alpha"));
            AssertClose(c.D("blocks"), blocks.Clusters, 1e-6, "exact J " + what);
            var mrss = BlockedIndividualPower.BlocksByMultiplier(c.D("es"), c.D("n"), a, c.D("power"), c.D("alpha"));
            Assert.Equal(c.D("mrss_blocks"), mrss.Clusters);
        }
    }

    [Fact]
    public void MinimumDetectableEffect_EightSchoolsMixedGroups_IsMuchSmallerThanClusterAssignment()
    {
        // Same 8 schools × 60 families and ICC 0.10: comparing within schools removes the between-school
        // variance, so the MDE is far below the cluster-randomised one (a property, not a copied number).
        var blocked = BlockedIndividualPower.MinimumDetectableEffect(8, 60, new BlockedAssumptions(0.10));
        var clustered = ClusterRandomisedPower.MinimumDetectableEffect(8, 60, new ClusterRandomisedAssumptions(0.10));
        Assert.True(blocked.EffectSize < clustered.EffectSize / 2, $"{blocked.EffectSize} vs {clustered.EffectSize}");
        Assert.Equal("bira2f", blocked.Design);
        Assert.Contains(blocked.Warnings, w => w.Contains("établissements de l'échantillon"));
    }

    [Fact]
    public void Power_BlocksTooSmall_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => BlockedIndividualPower.Power(0.3, 8, 2, new BlockedAssumptions(0.1)));
        Assert.Contains("plus de deux individus", ex.Message);
        var df = Assert.Throws<StatisticsException>(() => BlockedIndividualPower.Power(0.3, 1, 3, new BlockedAssumptions(0.1, Level1Covariates: 1)));
        Assert.Contains("aucun degré de liberté", df.Message);
        Assert.Throws<StatisticsException>(() => BlockedIndividualPower.Power(0.3, 8, 60, new BlockedAssumptions(1.0)));
    }
}
