using ImpactEval.Collection;
using System.Globalization;
using Hangfire;
using Hangfire.States;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Housekeeping;

/// <summary>
/// Schedules a delayed run of the campaign calendar pass (<see cref="CampaignLifecycleJob"/>) at the local midnight of
/// every day on which a campaign changes state (opening, the day after closing, locking), so a campaign created or
/// moved during the day opens, closes and locks at its dates rather than at the next daily pass.
/// </summary>
/// <remarks>
/// Each (campaign, day) is scheduled once: the pairs already scheduled are kept in a Hangfire set, in the job storage
/// all nodes share, and only days within <see cref="Horizon"/> are scheduled (a further date is scheduled when it
/// comes into range). A date moved after its job was scheduled leaves a run that finds nothing to do, which the pass
/// records as skipped. The daily recurring pass stays as the safety net after downtime.
/// </remarks>
public sealed class CampaignDateJobs(ImpactEvalDbContext db, JobStorage storage, IBackgroundJobClientV2 client, LocalClock clock) : IHousekeepingTask
{
    /// <summary>The task's name in the history.</summary>
    public const string Name = "campaign-dates";

    /// <summary>The Hangfire set holding the "CODE|yyyy-MM-dd" pairs already scheduled.</summary>
    public const string ScheduledSet = "impacteval:campaign-dates";

    /// <summary>How far ahead changes are scheduled.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(35);

    /// <summary>The trigger recorded on a run scheduled for one campaign's date.</summary>
    public static string Trigger(string campaignCode) => $"{JobCatalog.CampaignLifecycle}.{campaignCode}";

    /// <inheritdoc />
    public async Task<JobRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var last = today.AddDays((int)Horizon.TotalDays);
        var campaigns = await db.Campaigns.AsNoTracking().Select(c => new { c.Code, c.OpensOn, c.ClosesOn, c.ExpiryDays }).ToListAsync(cancellationToken);
        using var connection = storage.GetConnection();
        var scheduled = connection.GetAllItemsFromSet(ScheduledSet);
        var added = new List<string>();
        foreach (var campaign in campaigns)
            foreach (var day in new CampaignCalendar(campaign.OpensOn, campaign.ClosesOn, campaign.ExpiryDays).ChangeDays())
            {
                if (day <= today || day > last) continue;
                var key = $"{campaign.Code}|{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
                if (scheduled.Contains(key)) continue;
                var at = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), clock.Zone).AddMinutes(1);
                client.Create(JobCatalog.JobOf(JobCatalog.CampaignLifecycle)!, new ScheduledState(at),
                    new Dictionary<string, object> { [JobRequests.TriggerParameter] = Trigger(campaign.Code) });
                using var transaction = connection.CreateWriteTransaction();
                transaction.AddToSet(ScheduledSet, key);
                transaction.Commit();
                added.Add($"{campaign.Code} le {Core.Text.FrenchDate.Format(day)}");
            }
        return added.Count == 0
            ? JobRunReport.Skipped("Aucune nouvelle date de campagne à planifier.")
            : JobRunReport.Succeeded($"Passage du calendrier planifié aux dates de campagne : {string.Join(", ", added)}.");
    }
}
