using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Analysis.National;

/// <summary>
/// Consolidates the answers of a national questionnaire campaign (ANCT's revue de projet) into counts per question:
/// for every question, the cités asked (eligible), those that answered (respondents) and the non-response; answer
/// counts for labelled scales; a numeric summary for counts and continuous values; one multiple-choice question for
/// the binary options a protocol groups under <c>multiple_choice</c>. Pure and deterministic.
/// </summary>
/// <remarks>
/// Rules, per question:
/// <list type="bullet">
/// <item>eligible = the cités the campaign asked; values from other cités are ignored;</item>
/// <item>a cité answered a single question when it has a value for its indicator and period;</item>
/// <item>a cité answered a multiple-choice question when it has a value for at least one option; an option it left
/// empty counts as not ticked (a form only records the boxes ticked), so each option's count is the cités with 1;</item>
/// <item>labelled scales: one count per level in the scale's order (binary: « oui » then « non »); a stored value that
/// is no level of the scale is counted nowhere, so the consistency checks report the gap;</item>
/// <item>counts and continuous values: respondents, sum, mean, median (R's convention), minimum, maximum.</item>
/// </list>
/// A cité took part when it sent at least one value; its submission date is the local day its latest value reached
/// the store.
/// </remarks>
public static class NationalConsolidation
{
    /// <summary>Consolidates a campaign.</summary>
    /// <param name="protocol">The protocol whose indicators the campaign asks (labels, scales, multiple-choice grouping, themes).</param>
    /// <param name="campaign">The campaign: code, label, period, cités and indicators asked.</param>
    /// <param name="values">Every value of the campaign's period for its indicators (other cités' values are ignored).</param>
    /// <param name="zone">Time zone of submission dates (Europe/Paris for French campaigns).</param>
    /// <returns>The consolidated table, with the fingerprint of its inputs.</returns>
    /// <exception cref="ArgumentException">The campaign names an indicator the protocol does not have (a bug: the store checks it).</exception>
    public static NationalCampaignResults Consolidate(Protocol protocol, NationalCampaign campaign, IReadOnlyList<CampaignValue> values, TimeZoneInfo zone)
    {
        var asked = campaign.IndicatorCodes.IsDefaultOrEmpty ? protocol.Indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal) : campaign.IndicatorCodes.ToHashSet(StringComparer.Ordinal);
        if (asked.FirstOrDefault(code => protocol.FindIndicator(code) is null) is { } unknown)
            throw new ArgumentException($"The campaign asks for indicator '{unknown}', which protocol '{protocol.Id}' does not have.", nameof(campaign));
        var territories = campaign.Territories.DistinctBy(t => t.Code).OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        var eligible = territories.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

        // Values of the cités asked, per indicator then cité; submission = latest recording per cité.
        var byIndicator = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var latest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var kept = new List<CampaignValue>(values.Count);
        foreach (var value in values)
        {
            if (!eligible.Contains(value.Territory) || !asked.Contains(value.Indicator)) continue;
            kept.Add(value);
            if (!byIndicator.TryGetValue(value.Indicator, out var answers)) byIndicator[value.Indicator] = answers = new Dictionary<string, double>(StringComparer.Ordinal);
            answers[value.Territory] = value.Value;
            if (!latest.TryGetValue(value.Territory, out var at) || value.RecordedAtUtc > at) latest[value.Territory] = value.RecordedAtUtc;
        }
        Dictionary<string, double> AnswersOf(string indicator) => byIndicator.GetValueOrDefault(indicator) ?? new Dictionary<string, double>(StringComparer.Ordinal);

        var themes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in protocol.Questions)
            foreach (var code in question.Criteria.SelectMany(c => c.IndicatorCodes))
                themes.TryAdd(code, question.Text);

        var questions = ImmutableArray.CreateBuilder<NationalQuestion>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in protocol.Indicators.Where(i => asked.Contains(i.Code)))
        {
            var theme = themes.GetValueOrDefault(indicator.Code, "");
            if (protocol.MultipleChoiceOf(indicator.Code) is { } multiple)
            {
                if (!done.Add(multiple.Code)) continue;
                var options = multiple.OptionCodes.Where(asked.Contains).Select(code => (Indicator: protocol.FindIndicator(code)!, Answers: AnswersOf(code))).ToList();
                var respondents = options.SelectMany(o => o.Answers.Keys).Distinct(StringComparer.Ordinal).Count();
                questions.Add(new NationalQuestion(multiple.Code, theme, multiple.Text, true, eligible.Count, eligible.Count - respondents,
                    [.. options.Select(o => new AnswerCount(o.Indicator.Label, o.Answers.Values.Count(v => v == 1)))]));
                continue;
            }
            var answers = AnswersOf(indicator.Code);
            var nonResponse = eligible.Count - answers.Count;
            var scale = indicator.Scale;
            if (scale.IsLabelled)
            {
                var levels = scale.Type == ValueType.Binary ? scale.EffectiveLevels.OrderByDescending(l => l.Value).ToList() : [.. scale.EffectiveLevels];
                questions.Add(new NationalQuestion(indicator.Code, theme, indicator.Label, false, eligible.Count, nonResponse,
                    [.. levels.Select(level => new AnswerCount(level.Label, answers.Values.Count(v => v == level.Value)))]));
            }
            else
            {
                questions.Add(new NationalQuestion(indicator.Code, theme, indicator.Label, false, eligible.Count, nonResponse, [],
                    Summarise(answers.Values, scale.Unit, scale.Type == ValueType.Count)));
            }
        }

        var participation = territories.Select(t =>
        {
            var responded = latest.TryGetValue(t.Code, out var at);
            DateOnly? on = responded ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone)) : null;
            return new TerritoryParticipation(t.Code, string.IsNullOrWhiteSpace(t.Name) ? t.Code : t.Name!, null, null, responded, on);
        }).ToImmutableArray();

        return new NationalCampaignResults(campaign.Code, campaign.Label, questions.ToImmutable(), participation, campaign.Period,
            Fingerprint(protocol.Id, campaign, territories, asked, kept));
    }

    /// <summary>Sum, mean, median, minimum and maximum of the values (NaN, with 0 respondents, when there is none).</summary>
    private static NumericSummary Summarise(IEnumerable<double> values, string? unit, bool wholeNumbers)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new NumericSummary(0, 0, double.NaN, double.NaN, double.NaN, double.NaN, unit, wholeNumbers);
        var sum = 0.0;
        foreach (var v in sorted) sum += v;
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new NumericSummary(sorted.Length, sum, sum / sorted.Length, median, sorted[0], sorted[^1], unit, wholeNumbers);
    }

    /// <summary>SHA-256 of a canonical text of the inputs: campaign, cités asked, indicators asked, values in key order.</summary>
    private static string Fingerprint(string protocolId, NationalCampaign campaign, List<AskedTerritory> territories, HashSet<string> indicators, List<CampaignValue> values)
    {
        var text = new StringBuilder();
        text.Append("national-campaign/1\n").Append(protocolId).Append('\n').Append(campaign.Code).Append('\n').Append(campaign.Label).Append('\n').Append(campaign.Period).Append('\n');
        foreach (var t in territories) text.Append("t\t").Append(t.Code).Append('\t').Append(t.Name).Append('\n');
        foreach (var i in indicators.Order(StringComparer.Ordinal)) text.Append("i\t").Append(i).Append('\n');
        foreach (var v in values.OrderBy(v => v.Territory, StringComparer.Ordinal).ThenBy(v => v.Indicator, StringComparer.Ordinal))
            text.Append("v\t").Append(v.Territory).Append('\t').Append(v.Indicator).Append('\t')
                .Append(v.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\t').Append(v.RecordedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
