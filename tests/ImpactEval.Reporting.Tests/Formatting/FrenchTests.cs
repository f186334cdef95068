using ImpactEval.Reporting.Formatting;
using Xunit;

namespace ImpactEval.Reporting.Tests.Formatting;

public class FrenchTests
{
    private const char S = '\u00A0';

    // A committee reads "1 234,5" with a non-breaking thousands separator, never "1,234.5".
    [Fact]
    public void Number_ThousandsAndDecimals_FrenchSeparators() =>
        Assert.Equal($"1{S}234,5", French.Number(1234.5, 1));

    // Rounding a small negative difference must not print "-0,0", which reads as a negative gap.
    [Fact]
    public void Number_NegativeZeroAfterRounding_PrintsZero() =>
        Assert.Equal("0,0", French.Number(-0.04, 1));

    // A missing value is "n.d." (non disponible), not "NaN".
    [Fact]
    public void Number_NaN_NotAvailable() => Assert.Equal("n.d.", French.Number(double.NaN, 2));

    // 12,3 % with a non-breaking space before the sign (French typography).
    [Fact]
    public void Percent_Proportion_FrenchPercentage() => Assert.Equal($"12,3{S}%", French.Percent(0.123));

    // The generation date as a CPO writes it; the first of a month is "1er".
    [Theory]
    [InlineData(2026, 11, 22, "22 novembre 2026")]
    [InlineData(2026, 3, 1, "1er mars 2026")]
    public void Date_Day_InWords(int y, int m, int d, string expected) => Assert.Equal(expected, French.Date(new DateOnly(y, m, d)));

    // The timestamp printed in the report's footer, in the offset given.
    [Fact]
    public void DateTime_Timestamp_HoursAndMinutes() =>
        Assert.Equal($"22 novembre 2026 à 14{S}h{S}05", French.DateTime(new DateTimeOffset(2026, 11, 22, 14, 5, 0, TimeSpan.FromHours(1))));

    // The example: "0,42 [0,11 ; 0,73]".
    [Fact]
    public void Interval_Estimate_BracketsAndSemicolon() =>
        Assert.Equal($"0,42{S}[0,11{S};{S}0,73]", French.Interval(0.42, 0.11, 0.73, 2));

    // Very small p-values are never printed as "p = 0,000".
    [Theory]
    [InlineData(0.0001, "p < 0,001")]
    [InlineData(0.0123, "p = 0,012")]
    [InlineData(0.4321, "p = 0,43")]
    public void PValue_Value_FrenchConvention(double p, string expected) =>
        Assert.Equal(expected, French.PValue(p).Replace(S, ' '));

    // French agreement: singular below 2 ("0,4 point"), plural from 2; "mois" is invariable.
    [Theory]
    [InlineData(0.4, 1, "points", "0,4 point")]
    [InlineData(1.5, 1, "séances", "1,5 séance")]
    [InlineData(2.3, 1, "points", "2,3 points")]
    [InlineData(1, 0, "mois", "1 mois")]
    [InlineData(1.2, 1, "points de pourcentage", "1,2 point de pourcentage")]
    public void Quantity_Unit_AgreesInNumber(double value, int decimals, string unit, string expected) =>
        Assert.Equal(expected, French.Quantity(value, decimals, unit).Replace(S, ' '));
}
