using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Collection.Campaigns;

/// <summary>
/// The corrections of the answers to a questionnaire campaign: every revision of a value of the campaign's period for the
/// territories it asks, oldest first, optionally for one cité. Reads the store only.
/// </summary>
public sealed class CampaignRevisions(ImpactEvalDbContext db)
{
    /// <summary>The revisions of <paramref name="campaignCode"/>; null when there is no such questionnaire campaign.</summary>
    /// <param name="campaignCode">The campaign.</param>
    /// <param name="territoryCode">Only this cité, or null for every cité of the campaign.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<IReadOnlyList<CampaignRevision>?> ListAsync(string campaignCode, string? territoryCode = null, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Territories).SingleOrDefaultAsync(c => c.Code == campaignCode, cancellationToken);
        if (campaign?.PeriodStart is not { } start) return null;
        var protocolCode = await db.Protocols.Where(p => p.Id == campaign.ProtocolId).Select(p => p.Code).SingleAsync(cancellationToken);
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(protocolCode, cancellationToken))!.Value.Protocol;
        var asked = campaign.Territories.Select(t => t.TerritoryId).ToList();
        var rows = await (from r in db.AggregateValueRevisions.AsNoTracking()
                          join v in db.AggregateValues on r.AggregateValueId equals v.Id
                          join t in db.Territories on v.TerritoryId equals t.Id
                          join i in db.Indicators on v.IndicatorId equals i.Id
                          where i.ProtocolId == campaign.ProtocolId && v.PeriodStart == start && asked.Contains(v.TerritoryId)
                                && (territoryCode == null || t.Code == territoryCode)
                          select new { r.Id, r.ChangedAt, t.Code, t.Name, Indicator = i.Code, r.PreviousValue, r.NewValue, r.ChangedBy, r.Reason })
            .ToListAsync(cancellationToken);
        string Text(string indicator, double value) => protocol.FindIndicator(indicator)?.Scale.Label(value) ?? Core.Text.FrenchNumber.Plain(value);
        return [.. rows.OrderBy(r => r.ChangedAt).ThenBy(r => r.Id)
            .Select(r => new CampaignRevision(r.ChangedAt, r.Code, r.Name, r.Indicator, Text(r.Indicator, r.PreviousValue), Text(r.Indicator, r.NewValue), r.ChangedBy, r.Reason))];
    }
}
