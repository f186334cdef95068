using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Worker.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Campaigns;

/// <summary>
/// Moves campaigns along their calendar (<see cref="CampaignService.OpenDueAsync"/>, then
/// <see cref="CampaignService.CloseAndLockDueAsync"/>) and announces what changed: an opening to every respondent
/// expected to send data, a lock to the territory's team. Announcements are keyed per campaign, state and address.
/// </summary>
public sealed class CampaignLifecycle(ImpactEvalDbContext db, ContactDirectory contacts, TimeProvider clock)
{
    /// <summary>Advances every campaign due on <paramref name="today"/> and queues the announcements.</summary>
    /// <param name="today">Today (local date).</param>
    /// <param name="actor">Who acts (the scheduler node, for the audit trail).</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<LifecycleRound> AdvanceAsync(DateOnly today, string actor, CancellationToken cancellationToken = default)
    {
        var service = new CampaignService(db);
        var transitions = new List<CampaignTransition>();
        transitions.AddRange(await service.OpenDueAsync(today, actor, cancellationToken));
        transitions.AddRange(await service.CloseAndLockDueAsync(today, actor, cancellationToken));

        var messages = new List<OutgoingMessage>();
        var withoutAddress = new List<string>();
        var opened = transitions.Where(t => t.To == CampaignState.Open).Select(t => t.Campaign).ToHashSet(StringComparer.Ordinal);
        if (opened.Count > 0)
            foreach (var owed in (await service.OwingAsync(today, cancellationToken)).Where(o => opened.Contains(o.Campaign)))
            {
                var respondent = owed.Cluster is null ? owed.Territory : $"{owed.Territory}/{owed.Cluster}";
                var addresses = contacts.For(owed.Territory, owed.Cluster);
                if (addresses.Count == 0) withoutAddress.Add(respondent);
                var (subject, body) = CampaignMessages.Opened(owed);
                messages.AddRange(addresses.Select(a => new OutgoingMessage($"campaign-open:{owed.Campaign}:{respondent}:{a}", "campaign-open", a, subject, body)));
            }
        foreach (var transition in transitions.Where(t => t.To == CampaignState.Locked))
            foreach (var territory in await TerritoriesOfAsync(transition.Campaign, cancellationToken))
            {
                var addresses = contacts.For(territory, null);
                if (addresses.Count == 0) withoutAddress.Add(territory);
                var (subject, body) = CampaignMessages.Locked(transition, territory);
                messages.AddRange(addresses.Select(a => new OutgoingMessage($"campaign-locked:{transition.Campaign}:{territory}:{a}", "campaign-locked", a, subject, body)));
            }
        var queued = await new Outbox(db, clock).EnqueueAsync(messages, cancellationToken);
        return new LifecycleRound(transitions, queued, withoutAddress);
    }

    /// <summary>The territories a campaign concerns: those listed for a questionnaire, else the protocol's own.</summary>
    private async Task<IReadOnlyList<string>> TerritoriesOfAsync(string campaignCode, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Territories).SingleAsync(c => c.Code == campaignCode, cancellationToken);
        var ids = campaign.Territories.Count > 0
            ? campaign.Territories.Select(t => t.TerritoryId).ToList()
            : [await db.Protocols.Where(p => p.Id == campaign.ProtocolId).Select(p => p.TerritoryId).SingleAsync(cancellationToken)];
        return await db.Territories.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Code).Select(t => t.Code).ToListAsync(cancellationToken);
    }
}
