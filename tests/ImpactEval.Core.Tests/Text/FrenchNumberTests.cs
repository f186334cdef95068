using ImpactEval.Core.Text;
using Xunit;

namespace ImpactEval.Core.Tests.Text;

public class FrenchNumberTests
{
    // What users type and what the exporters write: decimal comma or point, thousands grouped by a space, a no-break
    // space (FrenchNumber.Format) or a narrow no-break space, a sign (including the minus sign U+2212 of French
    // typography), a percent sign with or without a space.
    [Theory]
    [InlineData("12", 12)]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData(" 12,5 ", 12.5)]
    [InlineData("-0,25", -0.25)]
    [InlineData("+3", 3)]
    [InlineData("\u22121 234,5", -1234.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234\u00A0567,25", 1234567.25)]
    [InlineData("1\u202F234", 1234)]
    [InlineData("1234567", 1234567)]
    [InlineData("0.00001", 0.00001)]
    [InlineData("85%", 85)]
    [InlineData("92,3 %", 92.3)]
    [InlineData("92,3\u202F%", 92.3)]
    [InlineData("007", 7)]
    public void TryParse_WholeNumber_IsRead(string text, double expected)
    {
        Assert.True(FrenchNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    // Issue 10, break 2: "92,", "9 2" (and "9\r2") were stored as 92 and recorded as a correction of 92,2. Every text that
    // is not a whole number by the grammar is refused rather than guessed.
    [Theory]
    [InlineData("92,")]
    [InlineData("92.")]
    [InlineData("9 2")]
    [InlineData("9\r2")]
    [InlineData("9\n2")]
    [InlineData("1 23,4")]
    [InlineData("12 34")]
    [InlineData("1234 567")]
    [InlineData(",5")]
    [InlineData(".5")]
    [InlineData("1.234,5")]
    [InlineData("1,234.5")]
    [InlineData("1,2,3")]
    [InlineData("1E5")]
    [InlineData("1e-5")]
    [InlineData("- 5")]
    [InlineData("--5")]
    [InlineData("5-")]
    [InlineData("%")]
    [InlineData("12 %%")]
    [InlineData("12 € ")]
    [InlineData("0x1F")]
    [InlineData("∞")]
    [InlineData("NaN")]
    [InlineData("١٢")]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_NotAWholeNumber_IsRefused(string text) =>
        Assert.False(FrenchNumber.TryParse(text, out _));

    // The largest double written without exponent (309 digits) is still a number; a longer text is not.
    [Fact]
    public void TryParse_LongestPlainDouble_IsReadAndLongerTextRefused()
    {
        var plain = double.MaxValue.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(FrenchNumber.TryParse(plain, out var value));
        Assert.Equal(double.MaxValue, value);
        Assert.False(FrenchNumber.TryParse(new string('1', 401), out _));
    }
}
