using ImpactEval.Collection.Campaigns;

namespace ImpactEval.Worker.Campaigns;

/// <summary>The reminders of a campaign, in the order they are sent.</summary>
public enum ReminderStage
{
    /// <summary>A week before closing ("J-7").</summary>
    WeekBefore,

    /// <summary>The day before closing, or the closing day itself ("J-1").</summary>
    DayBefore,

    /// <summary>After closing, while late values are still accepted ("retard").</summary>
    Overdue,
}

/// <summary>Which reminder is due for a respondent who still owes data.</summary>
public static class ReminderStages
{
    /// <summary>
    /// The latest stage whose day has come on <paramref name="today"/>, or null before the first one. Only the
    /// latest is sent: a reminder day that fell on a weekend or a school holiday is caught up on the next school
    /// day, and a stale "J-7" is never sent once "J-1" is due.
    /// </summary>
    /// <param name="owed">What the respondent owes, with the campaign's dates and state on <paramref name="today"/>.</param>
    /// <param name="today">Today (local date).</param>
    public static ReminderStage? Due(DataOwed owed, DateOnly today) => owed.State switch
    {
        CampaignState.Closed when today > owed.ClosesOn => ReminderStage.Overdue,
        CampaignState.Open when today >= owed.ClosesOn.AddDays(-1) => ReminderStage.DayBefore,
        CampaignState.Open when today >= owed.ClosesOn.AddDays(-7) => ReminderStage.WeekBefore,
        _ => null,
    };

    /// <summary>The stage's code in idempotency keys and job summaries ("J-7", "J-1", "retard").</summary>
    public static string Code(this ReminderStage stage) => stage switch
    {
        ReminderStage.WeekBefore => "J-7",
        ReminderStage.DayBefore => "J-1",
        _ => "retard",
    };
}
