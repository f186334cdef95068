using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Multiplicity;

public class MultipleTestingTests
{
    public static IEnumerable<object[]> Cases => Names("padjust.json", "cases");

    // Several indicators (or several comparison cohorts) tested at once: six p-values, missing
    // p-values and ties, 25 random p-values, a single p-value, zeros and ones. Expected
    // (adjust_case() in Reference/contrasts.R): p.adjust(p, "holm" / "hochberg" / "BH" /
    // "bonferroni"), NA kept in place.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjust_ReferenceVectors_MatchesPAdjust(string name)
    {
        var c = Case("padjust.json", "cases", name);
        var p = ReferenceFixture.Doubles(c.GetProperty("p"));
        var present = p.Count(v => !double.IsNaN(v));

        var methods = new (string Property, MultiplicityCorrection Correction, Func<double[], System.Collections.Immutable.ImmutableArray<AdjustedPValue>> Adjust)[]
        {
            ("holm", MultiplicityCorrection.Holm, v => MultipleTesting.Holm(v)),
            ("hochberg", MultiplicityCorrection.Hochberg, v => MultipleTesting.Hochberg(v)),
            ("bh", MultiplicityCorrection.BenjaminiHochberg, v => MultipleTesting.BenjaminiHochberg(v)),
            ("bonferroni", MultiplicityCorrection.Bonferroni, v => MultipleTesting.Bonferroni(v)),
        };
        foreach (var (property, correction, adjust) in methods)
        {
            var expected = ReferenceFixture.Doubles(c.GetProperty(property));
            var actual = adjust(p);
            Assert.Equal(p.Length, actual.Length);
            for (var i = 0; i < p.Length; i++)
            {
                ReferenceFixture.AssertClose(expected[i], actual[i].Value, EstimateTol, $"{property}[{i}]");
                Assert.Equal(double.IsNaN(p[i]), actual[i].IsMissing);
                Assert.Equal(correction, actual[i].Correction);
                Assert.Equal(present, actual[i].FamilySize);
                if (!double.IsNaN(p[i])) Assert.Equal(p[i], actual[i].Unadjusted);
            }
        }
    }

    [Fact]
    public void Holm_Empty_ReturnsEmpty() => Assert.Empty(MultipleTesting.Holm([]));

    [Fact]
    public void Holm_AllMissing_ReturnsMissing()
    {
        var r = MultipleTesting.Holm([double.NaN, double.NaN]);
        Assert.All(r, a => Assert.True(a.IsMissing));
        Assert.False(r[0].IsAtMost(0.05));
    }

    [Fact]
    public void BenjaminiHochberg_PValueAboveOne_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.BenjaminiHochberg([0.2, 1.5]));
}
