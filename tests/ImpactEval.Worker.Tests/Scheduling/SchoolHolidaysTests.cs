using ImpactEval.Worker.Scheduling;
using Xunit;

namespace ImpactEval.Worker.Tests.Scheduling;

public class SchoolHolidaysTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Winter 2026 (official calendar 2025-2026): zone A is off from Saturday 7 to Sunday 22 February, zone C from
    // Saturday 21 February to Sunday 8 March; classes resume on the Monday.
    [Theory]
    [InlineData('A', "2026-02-07", true)]
    [InlineData('A', "2026-02-22", true)]
    [InlineData('A', "2026-02-23", false)]
    [InlineData('C', "2026-02-20", false)]
    [InlineData('C', "2026-03-08", true)]
    [InlineData('B', "2025-04-21", true)]  // Easter Monday 2025, zone B off until Tuesday 22 April
    [InlineData('B', "2025-04-22", false)]
    [InlineData('A', "2025-12-24", true)]  // Christmas: every zone
    [InlineData('C', "2026-05-15", true)]  // Ascension bridge 2026
    public void IsHoliday_OfficialCalendar_MatchesPublishedDates(char zone, string day, bool holiday) =>
        Assert.Equal(holiday, SchoolHolidays.IsHoliday(zone, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    // A reminder due on Wednesday 11 February 2026 at 09:00 in zone A (winter holidays) is sent on the first school
    // day after them, Monday 23 February at 09:00; in zone C, where school is on, it stays on the 11th.
    [Fact]
    public void Calendar_ReminderDuringHolidays_NextIncludedTimeIsFirstSchoolDay()
    {
        var due = new DateTimeOffset(2026, 2, 11, 9, 0, 0, TimeSpan.FromHours(1));

        var zoneA = SchoolHolidays.Calendar('A', Paris);
        var zoneC = SchoolHolidays.Calendar('C', Paris);

        Assert.False(zoneA.IsTimeIncluded(due));
        Assert.Equal(new DateOnly(2026, 2, 23), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(zoneA.GetNextIncludedTimeUtc(due), Paris).DateTime));
        Assert.True(zoneC.IsTimeIncluded(due));
        Assert.False(zoneC.IsTimeIncluded(new DateTimeOffset(2026, 2, 14, 9, 0, 0, TimeSpan.FromHours(1)))); // a Saturday
    }
}
