using ImpactEval.Worker.Jobs;
using ImpactEval.Worker.Scheduling;
using Quartz;
using Xunit;

namespace ImpactEval.Worker.Tests.Scheduling;

public class CampaignTriggersTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Reminders of a cité in zone A around the winter holidays of 2026 (7–22 February): the 09:00 trigger fires on
    // Thursday 5 and Friday 6 February, skips the weekend and the two weeks of holidays, and resumes on Monday 23.
    // The fire times are computed by Quartz itself, from the calendar the worker registers.
    [Fact]
    public async Task Reminder_ZoneAWinterHolidays_SkipsWeekendsAndHolidays()
    {
        // The scheduler's clock is set to Wednesday 4 February 2026 (the fire times depend on "now").
        var clock = new FixedClock(new DateTimeOffset(2026, 2, 4, 12, 0, 0, TimeSpan.Zero));
        var scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.UseTimeProvider(clock);
        }).BuildScheduler();
        try
        {
            var key = JobNames.CampaignReminders('A');
            await scheduler.AddCalendar(SchoolHolidays.CalendarName('A'), SchoolHolidays.Calendar('A', Paris), new AddCalendarOptions());
            await scheduler.AddJob(JobBuilder.Create<CampaignReminderJob>().WithIdentity(key).StoreDurably().Build(), new AddJobOptions());
            var trigger = CampaignTriggers.Reminder(TriggerBuilder.Create(clock), 'A', "0 0 9 * * ?", Paris);
            var built = ((TriggerBuilder<IJob>)trigger).Build();
            await scheduler.ScheduleJob(built, new ScheduleJobOptions());

            var upcoming = await scheduler.GetUpcomingFireTimes(built.Key, 5);

            Assert.Equal(
                ["2026-02-05 09:00", "2026-02-06 09:00", "2026-02-23 09:00", "2026-02-24 09:00", "2026-02-25 09:00"],
                upcoming!.Select(t => TimeZoneInfo.ConvertTime(t, Paris).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
