using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using Xunit;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Core.Tests;

public class ScaleTests
{
    private static readonly Scale Rating = new(ValueType.Ordinal, null, null, null,
        [new ScaleLevel(1, "Pas du tout impliqué"), new ScaleLevel(2, "Peu impliqué"), new ScaleLevel(3, "Plutôt impliqué"), new ScaleLevel(4, "Très impliqué")]);

    private static readonly Scale Percent = new(ValueType.Continuous, "%", 0, 100, ImmutableArray<ScaleLevel>.Empty);

    private static readonly Scale Unbounded = new(ValueType.Continuous, null, null, null, ImmutableArray<ScaleLevel>.Empty);

    [Theory]
    [InlineData("très impliqué", 4)]
    [InlineData("TRES IMPLIQUE", 4)]
    [InlineData(" 2 ", 2)]
    [InlineData("peu  impliqué", 2)]
    public void TryRead_OrdinalLabelOrValue_ReadsLevel(string text, double expected)
    {
        Assert.True(Rating.TryRead(text, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryRead_OrdinalUnknownLevel_ListsAdmittedValues()
    {
        Assert.False(Rating.TryRead("5", out _, out var error));
        Assert.Contains("1 = Pas du tout impliqué", error);
    }

    [Theory]
    [InlineData("87,5", 87.5)]
    [InlineData("87.5", 87.5)]
    [InlineData("1\u00A0000,5 %", 1000.5)]
    [InlineData("92,3 %", 92.3)]
    public void TryRead_FrenchNumbers_AreRead(string text, double expected)
    {
        Assert.True(Unbounded.TryRead(text, out var value, out var error), error);
        Assert.Equal(expected, value, 12);
    }

    // What the demo printed as "0,20 [-0,00 ; 0,41]": a bound that rounds to zero has no sign.
    [Theory]
    [InlineData(-0.004, 2, "0,00")]
    [InlineData(-0.006, 2, "-0,01")]
    [InlineData(-1234.5, 1, "-1\u00A0234,5")]
    [InlineData(0.0, 0, "0")]
    public void Format_NegativeValueRoundingToZero_HasNoSign(double value, int decimals, string expected) =>
        Assert.Equal(expected, FrenchNumber.Format(value, decimals));

    [Theory]
    [InlineData("101", "hors de la plage")]
    [InlineData("beaucoup", "n’est pas un nombre")]
    [InlineData("1,234.5", "n’est pas un nombre")]
    // Issue 10, break 2: "92," (a cell cut in the middle) and "9 2" were read as 92.
    [InlineData("92,", "n’est pas un nombre")]
    [InlineData("9 2", "n’est pas un nombre")]
    [InlineData("1 00", "n’est pas un nombre")]
    public void TryRead_InvalidNumbers_SayWhy(string text, string reason)
    {
        Assert.False(Percent.TryRead(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("oui", 1)]
    [InlineData("Non", 0)]
    [InlineData("1", 1)]
    public void TryRead_BinaryDefaults_AcceptOuiNon(string text, double expected)
    {
        var binary = new Scale(ValueType.Binary, null, null, null, []);
        Assert.True(binary.TryRead(text, out var value, out _));
        Assert.Equal(expected, value);
    }
}
