using ImpactEval.Core.Text;
using Xunit;

namespace ImpactEval.Core.Tests.Text;

public class FrenchDateTests
{
    // The ways French spreadsheets and users write a date, and ISO (what a program writes).
    [Theory]
    [InlineData("15/09/2025", 2025, 9, 15)]
    [InlineData("5/9/2025", 2025, 9, 5)]
    [InlineData("2025-09-15", 2025, 9, 15)]
    [InlineData("15-09-2025", 2025, 9, 15)]
    [InlineData("15.09.2025", 2025, 9, 15)]
    [InlineData(" 29/02/2024 ", 2024, 2, 29)]
    public void TryParse_CalendarDate_IsRead(string text, int year, int month, int day)
    {
        Assert.True(FrenchDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    // Not a whole calendar date: impossible days, two-digit or five-digit years, times, text around the date, mixed separators.
    [Theory]
    [InlineData("31/02/2025")]
    [InlineData("29/02/2025")]
    [InlineData("00/01/2025")]
    [InlineData("15/13/2025")]
    [InlineData("15/09/25")]
    [InlineData("15/09/20255")]
    [InlineData("15/09/2025 10:00")]
    [InlineData("le 15/09/2025")]
    [InlineData("15/09-2025")]
    [InlineData("5-9-2025")]
    [InlineData("2025-9-15")]
    [InlineData("2025/09/15")]
    [InlineData("15092025")]
    [InlineData("")]
    public void TryParse_NotACalendarDate_IsRefused(string text) =>
        Assert.False(FrenchDate.TryParse(text, out _));
}
