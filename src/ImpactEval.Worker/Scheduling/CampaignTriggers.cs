using ImpactEval.Worker.Jobs;
using Quartz;

namespace ImpactEval.Worker.Scheduling;

/// <summary>How the campaign triggers are built (one place, used by the composition and by the tests).</summary>
public static class CampaignTriggers
{
    /// <summary>
    /// The morning trigger of a zone's reminder job: <paramref name="cron"/> in <paramref name="timeZone"/>, skipping
    /// what the zone's calendar excludes (weekends, and for A/B/C that zone's school holidays). Misfire:
    /// FireAndProceed — after downtime, one catch-up round, and the campaign dates decide which reminder is due.
    /// </summary>
    /// <param name="trigger">The trigger being configured.</param>
    /// <param name="zone">The school-holiday zone, or null for territories without one.</param>
    /// <param name="cron">Quartz cron expression (default "0 0 9 * * ?").</param>
    /// <param name="timeZone">The time zone of the cron expression.</param>
    public static ITriggerConfigurator<IJob> Reminder(ITriggerConfigurator<IJob> trigger, char? zone, string cron, TimeZoneInfo timeZone)
    {
        var key = JobNames.CampaignReminders(zone);
        return trigger
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .WithDescription(zone is { } z
                ? $"Rappels des campagnes (zone {z} : ni week-end ni vacances scolaires)"
                : "Rappels des campagnes (territoires sans zone : pas le week-end)")
            .WithCalendarName(zone is { } value ? SchoolHolidays.CalendarName(value) : SchoolHolidays.WeekendsCalendarName)
            .WithCronSchedule(cron, schedule => schedule.InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
    }
}
