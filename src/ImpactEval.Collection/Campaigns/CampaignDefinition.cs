using System.Collections.Immutable;

namespace ImpactEval.Collection.Campaigns;

/// <summary>What a coordinator declares to create a campaign.</summary>
/// <param name="Code">Short unique code (letters, digits, "-", "_").</param>
/// <param name="Label">French label shown in reminders.</param>
/// <param name="Protocol">The protocol identifier.</param>
/// <param name="Wave">The wave collected, for a wave campaign; null for a questionnaire campaign.</param>
/// <param name="Period">The period the values describe, for a questionnaire campaign (e.g. "2024-2025"); null for a wave campaign.</param>
/// <param name="OpensOn">First day values are expected.</param>
/// <param name="ClosesOn">Last day values are on time (on or after <paramref name="OpensOn"/>).</param>
/// <param name="ExpiryDays">Days after closing during which late values are still accepted (≥ 0); null never locks.</param>
/// <param name="Territories">For a questionnaire campaign, the cités expected to answer (empty: the protocol's own territory).</param>
/// <param name="Indicators">For a questionnaire campaign, the indicators expected (empty: every indicator of the protocol).</param>
public sealed record CampaignDefinition(
    string Code,
    string Label,
    string Protocol,
    string? Wave,
    string? Period,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int? ExpiryDays,
    ImmutableArray<string> Territories = default,
    ImmutableArray<string> Indicators = default);
