using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Worker.Notifications;

namespace ImpactEval.Worker.Campaigns;

/// <summary>
/// Queues the reminders due today to the respondents who still owe data (<see cref="CampaignService.OwingAsync"/>):
/// one e-mail per respondent, stage and address, keyed so that a retried, recovered or repeated round never queues
/// the same reminder twice.
/// </summary>
public sealed class CampaignReminders(ImpactEvalDbContext db, ContactDirectory contacts, TimeProvider clock)
{
    /// <summary>Queues the reminders due on <paramref name="today"/> for the territories of one holiday zone.</summary>
    /// <param name="zone">The zone whose territories this round covers ('A', 'B', 'C'), or null for territories without a zone.</param>
    /// <param name="today">Today (local date).</param>
    /// <param name="cancellationToken">Cancels the round.</param>
    public async Task<ReminderRound> QueueAsync(char? zone, DateOnly today, CancellationToken cancellationToken = default)
    {
        var owing = (await new CampaignService(db).OwingAsync(today, cancellationToken)).Where(o => contacts.ZoneOf(o.Territory) == zone).ToList();
        var messages = new List<OutgoingMessage>();
        var withoutAddress = new List<string>();
        var due = 0;
        foreach (var owed in owing)
        {
            if (ReminderStages.Due(owed, today) is not { } stage) continue;
            due++;
            var respondent = owed.Cluster is null ? owed.Territory : $"{owed.Territory}/{owed.Cluster}";
            var addresses = contacts.For(owed.Territory, owed.Cluster);
            if (addresses.Count == 0)
            {
                withoutAddress.Add(respondent);
                continue;
            }
            var (subject, body) = CampaignMessages.Reminder(owed, stage, today);
            messages.AddRange(addresses.Select(address =>
                new OutgoingMessage($"reminder:{owed.Campaign}:{stage.Code()}:{respondent}:{address}", "reminder", address, subject, body)));
        }
        var queued = await new Outbox(db, clock).EnqueueAsync(messages, cancellationToken);
        return new ReminderRound(owing.Count, due, queued, withoutAddress);
    }
}
