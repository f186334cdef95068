using ImpactEval.Statistics;
using Xunit;

namespace ImpactEval.Statistics.Tests.Power;

public class ObservedSensitivityTests
{
    // Bloom's multiplier on a normal reference at 5 % and 80 %: qnorm(0.975) + qnorm(0.80) = 1.959964 + 0.8416212 = 2.801585 (R).
    [Fact]
    public void Multiplier_NormalReference_IsTwoPointEight()
    {
        Assert.Equal(2.8015852, ObservedSensitivity.Multiplier(double.PositiveInfinity), 6);
    }

    // On 10 df (a CR2 estimate with few schools): qt(0.975, 10) + qt(0.80, 10) = 2.228139 + 0.8790578 = 3.107197 (R).
    [Fact]
    public void MinimumDetectableEffect_TenDegreesOfFreedom_MatchesR()
    {
        Assert.Equal(3.107197 * 0.1, ObservedSensitivity.MinimumDetectableEffect(0.1, 10), 6);
    }

    [Fact]
    public void MinimumDetectableEffect_ZeroStandardError_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => ObservedSensitivity.MinimumDetectableEffect(0, 10));
        Assert.Contains("erreur type", ex.Message);
    }
}
