using ImpactEval.Data.Entities;

namespace ImpactEval.Collection.Campaigns;

/// <summary>
/// The dates of a campaign and what they imply on a given day. The dates are the single source of truth: a
/// coordinator who opens a campaign early or closes it early moves its dates, and a scheduler that did not run
/// cannot leave a campaign writable after its lock date.
/// </summary>
/// <param name="OpensOn">First day values are expected.</param>
/// <param name="ClosesOn">Last day values are on time.</param>
/// <param name="ExpiryDays">Days after closing during which late values are still accepted; null never locks.</param>
/// <param name="ClosedEarly">
/// Whether the campaign has been closed (by a coordinator, or recorded closed by the scheduler): a campaign closed by hand
/// on its closing day is closed from then on, while that day stays its last on-time day.
/// </param>
public readonly record struct CampaignCalendar(DateOnly OpensOn, DateOnly ClosesOn, int? ExpiryDays, bool ClosedEarly = false)
{
    /// <summary>The calendar of a stored campaign (closed early when its closing has been recorded).</summary>
    public static CampaignCalendar Of(Campaign campaign) => new(campaign.OpensOn, campaign.ClosesOn, campaign.ExpiryDays, campaign.ClosedAt is not null);

    /// <summary>First locked day, or null when the campaign never locks.</summary>
    public DateOnly? LocksOn => ExpiryDays is { } days ? ClosesOn.AddDays(days + 1) : null;

    /// <summary>The state on <paramref name="today"/>.</summary>
    public CampaignState StateOn(DateOnly today) =>
        today < OpensOn ? CampaignState.Planned
        : today <= ClosesOn && !ClosedEarly ? CampaignState.Open
        : LocksOn is { } locks && today >= locks ? CampaignState.Locked
        : CampaignState.Closed;

    /// <summary>The days on which the state changes: opening, the day after closing, and the lock day when there is one.</summary>
    public IEnumerable<DateOnly> ChangeDays()
    {
        yield return OpensOn;
        yield return ClosesOn.AddDays(1);
        if (LocksOn is { } locks) yield return locks;
    }

    /// <summary>
    /// Whether a value first recorded on <paramref name="recordedOn"/> (the day it reached the store) was on time: on or
    /// before the closing date, so a value received on the day a coordinator closes the campaign stays on time.
    /// </summary>
    public bool IsOnTime(DateOnly recordedOn) => recordedOn <= ClosesOn;
}
