using ImpactEval.Core.Model;

namespace ImpactEval.Analysis.National;

/// <summary>The answers of a questionnaire campaign as read from the store: what its consolidation and its open data start from.</summary>
/// <param name="Campaign">The campaign's facts (period, cités asked, questions asked).</param>
/// <param name="Protocol">Its protocol, current version.</param>
/// <param name="ProtocolCode">The protocol's identifier.</param>
/// <param name="ProtocolVersion">The version used.</param>
/// <param name="Values">Every value of the campaign's period sent by the cités asked.</param>
public sealed record CampaignAnswers(NationalCampaign Campaign, Protocol Protocol, string ProtocolCode, int ProtocolVersion, IReadOnlyList<CampaignValue> Values);
