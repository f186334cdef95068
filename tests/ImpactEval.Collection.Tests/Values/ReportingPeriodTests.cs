using ImpactEval.Collection.Values;
using Xunit;

namespace ImpactEval.Collection.Tests.Values;

public class ReportingPeriodTests
{
    // The ways CPOs write periods in their follow-up tables; school years run from 1 September to 31 August.
    [Theory]
    [InlineData("2025", "2025", "2025-01-01", "2025-12-31")]
    [InlineData("2024-2025", "2024-2025", "2024-09-01", "2025-08-31")]
    [InlineData("2024/2025", "2024-2025", "2024-09-01", "2025-08-31")]
    [InlineData("2025-T1", "2025-T1", "2025-01-01", "2025-03-31")]
    [InlineData("t4 2025", "2025-T4", "2025-10-01", "2025-12-31")]
    [InlineData("2025-S2", "2025-S2", "2025-07-01", "2025-12-31")]
    [InlineData("2025-02", "2025-02", "2025-02-01", "2025-02-28")]
    [InlineData("02/2024", "2024-02", "2024-02-01", "2024-02-29")]
    public void TryParse_FrenchForms_GiveCanonicalLabelAndDates(string text, string label, string start, string end)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period, out _));
        Assert.Equal(new ReportingPeriod(label, DateOnly.Parse(start), DateOnly.Parse(end)), period);
    }

    [Theory]
    [InlineData("2024-2026")]
    [InlineData("2025-T5")]
    [InlineData("13/2025")]
    [InlineData("printemps")]
    public void TryParse_NotAPeriod_GivesFrenchReason(string text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out _, out var error));
        Assert.Contains("n’est pas une période reconnue", error);
    }
}
