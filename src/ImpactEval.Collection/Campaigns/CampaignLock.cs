using ImpactEval.Core.Text;
using System.Globalization;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Campaigns;

/// <summary>A locked campaign that forbids a write, with the French explanation shown to the user.</summary>
/// <param name="Campaign">The campaign's code.</param>
/// <param name="Message">Why the write is refused.</param>
/// <param name="Hint">What to do.</param>
public sealed record CampaignLock(string Campaign, string Message, string Hint)
{
    /// <summary>
    /// The locked campaigns that forbid writing, on <paramref name="today"/>, values of the given waves (wave campaigns) or
    /// of the given period (questionnaire campaigns) of a protocol for a territory — none when an exception covers it.
    /// </summary>
    /// <param name="db">The store.</param>
    /// <param name="protocolId">The protocol's key.</param>
    /// <param name="waveIds">Waves written (observations); empty for aggregated values.</param>
    /// <param name="period">Period written (aggregated values), or null for observations.</param>
    /// <param name="territoryId">The territory whose data is written.</param>
    /// <param name="today">The day of the write.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async Task<IReadOnlyList<CampaignLock>> FindAsync(ImpactEvalDbContext db, int protocolId, IReadOnlyCollection<int> waveIds,
        (DateOnly Start, DateOnly End)? period, int territoryId, DateOnly today, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Exceptions).Where(c => c.ProtocolId == protocolId).ToListAsync(cancellationToken);
        var locks = new List<CampaignLock>();
        foreach (var campaign in campaigns)
        {
            var concerned = campaign.WaveId is { } wave
                ? waveIds.Contains(wave)
                : period is { } p && campaign.PeriodStart is { } start && campaign.PeriodEnd is { } end && p.Start <= end && start <= p.End;
            if (!concerned) continue;
            var calendar = CampaignCalendar.Of(campaign);
            if (calendar.StateOn(today) != CampaignState.Locked) continue;
            if (campaign.Exceptions.Any(e => (e.TerritoryId is null || e.TerritoryId == territoryId) && today <= e.Until)) continue;
            locks.Add(new CampaignLock(campaign.Code,
                $"La campagne « {campaign.Label} » ({campaign.Code}) est verrouillée depuis le {FrenchDate.Format(calendar.LocksOn!.Value)} : ses données ne peuvent plus être modifiées.",
                $"Demandez une dérogation au coordinateur (impacteval campaign exception {campaign.Code} --until JJ/MM/AAAA --reason \"…\")."));
        }
        return locks;
    }

}
