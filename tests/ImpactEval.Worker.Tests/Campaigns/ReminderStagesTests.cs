using ImpactEval.Collection.Campaigns;
using ImpactEval.Worker.Campaigns;
using Xunit;

namespace ImpactEval.Worker.Tests.Campaigns;

public class ReminderStagesTests
{
    private static readonly DateOnly Closing = new(2026, 6, 12);

    // A wave campaign closing on Friday 12 June 2026: nothing before 5 June, the "J-7" reminder from 5 June (or the
    // first school day after, if 5 June was off), "J-1" from the 11th, and once closed, the overdue reminder.
    [Theory]
    [InlineData("2026-06-04", CampaignState.Open, null)]
    [InlineData("2026-06-05", CampaignState.Open, ReminderStage.WeekBefore)]
    [InlineData("2026-06-10", CampaignState.Open, ReminderStage.WeekBefore)]
    [InlineData("2026-06-11", CampaignState.Open, ReminderStage.DayBefore)]
    [InlineData("2026-06-12", CampaignState.Open, ReminderStage.DayBefore)]
    [InlineData("2026-06-13", CampaignState.Closed, ReminderStage.Overdue)]
    [InlineData("2026-06-20", CampaignState.Locked, null)]
    public void Due_DayAndState_LatestStageOnly(string today, CampaignState state, ReminderStage? expected)
    {
        var owed = new DataOwed("passerelles-T2", "Vague T2", state, Closing, Closing.AddDays(8), "CE-999-01", "E01", 3, 40);

        Assert.Equal(expected, ReminderStages.Due(owed, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
