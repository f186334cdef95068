using System.Collections.Immutable;

namespace ImpactEval.Collection.Campaigns;

/// <summary>Where a campaign stands on a day: its dates and state, completeness and timeliness per respondent, exceptions.</summary>
/// <param name="Code">The campaign's code.</param>
/// <param name="Label">Its label.</param>
/// <param name="Protocol">The protocol identifier.</param>
/// <param name="Wave">The wave collected, or null for a questionnaire campaign.</param>
/// <param name="Period">The period collected, or null for a wave campaign.</param>
/// <param name="OpensOn">Opening date.</param>
/// <param name="ClosesOn">Closing date (last day on time).</param>
/// <param name="LocksOn">First locked day, or null when it never locks.</param>
/// <param name="State">The state on the day of the report (from the dates).</param>
/// <param name="RecordedState">The state last recorded by the scheduler or a coordinator.</param>
/// <param name="Respondents">
/// Completeness per respondent: per school then the territory total (school null) for a wave campaign, per territory
/// for a questionnaire campaign.
/// </param>
/// <param name="Exceptions">Exceptions granted.</param>
public sealed record CampaignReport(
    string Code,
    string Label,
    string Protocol,
    string? Wave,
    string? Period,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    DateOnly? LocksOn,
    CampaignState State,
    CampaignState RecordedState,
    ImmutableArray<RespondentCompleteness> Respondents,
    ImmutableArray<CampaignExceptionInfo> Exceptions);

/// <summary>Completeness and timeliness of one respondent (a territory, or a school within it).</summary>
/// <param name="Territory">The territory's code.</param>
/// <param name="Cluster">The school, for a wave campaign's per-school rows; null for a territory row.</param>
/// <param name="Expected">Values expected: participants for a wave campaign, indicators for a questionnaire campaign.</param>
/// <param name="OnTime">Received on or before the closing date.</param>
/// <param name="Late">Received after the closing date.</param>
public sealed record RespondentCompleteness(string Territory, string? Cluster, int Expected, int OnTime, int Late)
{
    /// <summary>Still owed.</summary>
    public int Missing => Expected - OnTime - Late;

    /// <summary>Received / expected, or null when nothing is expected.</summary>
    public double? Rate => Expected == 0 ? null : (double)(OnTime + Late) / Expected;
}

/// <summary>An exception granted on a campaign.</summary>
/// <param name="Territory">The territory allowed, or null for all.</param>
/// <param name="Until">Last day it applies.</param>
/// <param name="Reason">Why.</param>
/// <param name="GrantedBy">Who granted it.</param>
public sealed record CampaignExceptionInfo(string? Territory, DateOnly Until, string Reason, string GrantedBy);
