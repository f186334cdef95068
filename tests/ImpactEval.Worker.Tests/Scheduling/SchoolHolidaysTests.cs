using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;
using Xunit;

namespace ImpactEval.Worker.Tests.Scheduling;

public class SchoolHolidaysTests
{
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
        Assert.Equal(holiday, new SchoolHolidays().IsHoliday(zone, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    // Reminders go out on school days only: zone A's Wednesday 11 February 2026 is in the winter holidays, zone C is
    // at school; Saturday 14 is nobody's school day; Monday 23 February zone A is back.
    [Theory]
    [InlineData('A', "2026-02-11", false)]
    [InlineData('C', "2026-02-11", true)]
    [InlineData(null, "2026-02-11", true)]    // territories without a zone only skip weekends
    [InlineData(null, "2026-02-14", false)]
    [InlineData('C', "2026-02-14", false)]
    [InlineData('A', "2026-02-23", true)]
    public void IsSchoolDay_WeekendsAndZoneHolidays_AreSkipped(char? zone, string day, bool schoolDay) =>
        Assert.Equal(schoolDay, new SchoolHolidays().IsSchoolDay(zone, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    // The 2026-2027 calendar is published after this build: the deployment adds zone B's winter holidays (from
    // Saturday 20 February 2027, back on Monday 8 March, as an example) in its configuration, and the calendar then
    // covers that winter.
    [Fact]
    public void Periods_ConfiguredYearBeyond2026_AreHolidaysToo()
    {
        var builtIn = new SchoolHolidays();
        var configured = new SchoolHolidays(Options.Create(new SchoolHolidayOptions
        {
            Periods = [new SchoolHolidayPeriod { Zone = "b", From = new DateOnly(2027, 2, 20), Resume = new DateOnly(2027, 3, 8) }],
        }));
        var day = new DateOnly(2027, 3, 1);

        Assert.False(builtIn.IsHoliday('B', day));
        Assert.False(builtIn.Covers(day));
        Assert.True(configured.IsHoliday('B', day));
        Assert.False(configured.IsHoliday('A', day));
        Assert.False(configured.IsSchoolDay('B', day));
        Assert.Equal(new DateOnly(2027, 3, 8), configured.LastDay);
    }

    // A period whose zone is mistyped or whose dates are reversed stops the start with a French message naming it.
    [Fact]
    public void Validator_BadPeriod_NamesTheSetting()
    {
        var result = new SchoolHolidayOptionsValidator().Validate(null, new SchoolHolidayOptions
        {
            Periods = [new SchoolHolidayPeriod { Zone = "D", From = new DateOnly(2027, 3, 8), Resume = new DateOnly(2027, 2, 20) }],
        });

        Assert.True(result.Failed);
        Assert.Contains("SchoolHolidays:Periods:0:Zone doit valoir A, B, C ou * (toutes les zones), pas « D ».", result.Failures!);
        Assert.Contains("SchoolHolidays:Periods:0 : la reprise (20/02/2027) doit suivre le premier jour de vacances (08/03/2027).", result.Failures!);
    }
}
