using System.Collections.Immutable;
using System.Diagnostics;
using ImpactEval.Analysis.Results;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Analysis.National;

/// <summary>
/// Consolidates a national questionnaire campaign from the store: reads the campaign (cités and indicators asked, period),
/// the current version of its protocol and the values of that period, and calls <see cref="NationalConsolidation.Consolidate"/>.
/// Reads only: what the command line (<c>impacteval campaign consolidate</c>) and the worker (at closing) call.
/// </summary>
/// <param name="db">The store.</param>
/// <param name="zone">Time zone of submission dates; null for Europe/Paris.</param>
public sealed class ConsolidationService(ImpactEvalDbContext db, TimeZoneInfo? zone = null)
{
    /// <summary>The outcome of a consolidation.</summary>
    /// <param name="Done">False when the campaign cannot be consolidated (<see cref="Message"/> says why, in French).</param>
    /// <param name="Message">Why it was refused, or a one-line French summary.</param>
    /// <param name="Results">The consolidated table, when done.</param>
    /// <param name="Checks">Consistency checks that fail (<see cref="NationalConsistency.Check"/>); empty when every figure agrees.</param>
    /// <param name="ProtocolCode">The campaign's protocol.</param>
    /// <param name="ProtocolVersion">The protocol version used (labels, grouping).</param>
    /// <param name="Elapsed">Time taken (reading the store and consolidating).</param>
    public sealed record Outcome(bool Done, string Message, NationalCampaignResults? Results, ImmutableArray<string> Checks, string? ProtocolCode, int ProtocolVersion, TimeSpan Elapsed)
    {
        internal static Outcome Refused(string message) => new(false, message, null, [], null, 0, TimeSpan.Zero);
    }

    /// <summary>Consolidates the campaign <paramref name="campaignCode"/> as its data stands now.</summary>
    /// <param name="campaignCode">The campaign's code.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<Outcome> ConsolidateAsync(string campaignCode, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (answers, refusal) = await ReadAsync(campaignCode, cancellationToken);
        if (answers is null) return Outcome.Refused(refusal!);
        var results = NationalConsolidation.Consolidate(answers.Protocol, answers.Campaign, answers.Values, zone ?? Paris) with
        {
            LocalEvaluations = await new PoolingService(db).SharedAsync([.. answers.Campaign.Territories.Select(t => t.Code)], cancellationToken),
        };
        var checks = NationalConsistency.Check(results);
        clock.Stop();
        var responded = results.Territories.Count(t => t.Responded);
        return new Outcome(true,
            $"Campagne « {answers.Campaign.Code} » consolidée : {responded} cité(s) ont répondu sur {results.Territories.Length} interrogée(s), {results.Questions.Length} question(s)" +
            (checks.IsEmpty ? ", tous les contrôles de cohérence concordent." : $", {checks.Length} contrôle(s) de cohérence en échec."),
            results, checks, answers.ProtocolCode, answers.ProtocolVersion, clock.Elapsed);
    }

    /// <summary>
    /// The answers of a questionnaire campaign as the store holds them now: the campaign's facts, its protocol (current
    /// version) and every value of its period from the cités it asks; null with a French reason when there is no such campaign.
    /// </summary>
    /// <param name="campaignCode">The campaign's code.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<(CampaignAnswers? Answers, string? Refusal)> ReadAsync(string campaignCode, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Territories).SingleOrDefaultAsync(c => c.Code == campaignCode, cancellationToken);
        if (campaign is null) return (null, $"Aucune campagne « {campaignCode} ».");
        if (campaign.WaveId is not null || campaign.PeriodStart is not { } start || campaign.PeriodEnd is not { } end)
            return (null, $"La campagne « {campaignCode} » recueille une vague d'observations : seules les campagnes de questionnaire (--period) se consolident.");
        var stored = await db.Protocols.AsNoTracking().SingleAsync(p => p.Id == campaign.ProtocolId, cancellationToken);
        var (protocol, version) = await new ProtocolRegistry(db).LoadCurrentAsync(stored.Code, cancellationToken)
            ?? throw new InvalidOperationException($"Protocol {stored.Code} of campaign {campaignCode} has no current version.");

        var territoryIds = campaign.Territories.Count == 0 ? [stored.TerritoryId] : campaign.Territories.Select(t => t.TerritoryId).ToList();
        var territories = await db.Territories.AsNoTracking().Where(t => territoryIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Code, t.Name }).ToListAsync(cancellationToken);
        var codes = campaign.IndicatorCodes?.Split(',') ?? [];
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ProtocolId == stored.Id && (codes.Length == 0 || codes.Contains(i.Code)))
            .Select(i => new { i.Id, i.Code }).ToListAsync(cancellationToken);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var rows = await db.AggregateValues.AsNoTracking()
            .Where(v => v.PeriodStart == start && v.PeriodEnd == end && indicatorIds.Contains(v.IndicatorId) && territoryIds.Contains(v.TerritoryId))
            .Select(v => new { v.TerritoryId, v.IndicatorId, v.Value, v.RecordedAt }).ToListAsync(cancellationToken);

        var territoryCode = territories.ToDictionary(t => t.Id, t => t.Code);
        var indicatorCode = indicators.ToDictionary(i => i.Id, i => i.Code);
        // The protocol's current version may have dropped an indicator the campaign still names: keep those it has.
        var asked = codes.Length == 0 ? ImmutableArray<string>.Empty : [.. codes.Where(c => protocol.FindIndicator(c) is not null)];
        var values = rows.Where(r => indicatorCode.ContainsKey(r.IndicatorId) && protocol.FindIndicator(indicatorCode[r.IndicatorId]) is not null)
            .Select(r => new CampaignValue(territoryCode[r.TerritoryId], indicatorCode[r.IndicatorId], r.Value, DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)))
            .ToList();
        var facts = new NationalCampaign(campaign.Code, campaign.Label, campaign.PeriodLabel ?? "", [.. territories.Select(t => new AskedTerritory(t.Code, t.Name))], asked);
        return (new CampaignAnswers(facts, protocol, stored.Code, version, values), null);
    }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
}
