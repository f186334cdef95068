using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker;

/// <summary>Checks <see cref="WorkerOptions"/> at start, with French messages naming the setting.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var problems = new List<string>();
        void Positive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero) problems.Add($"Worker:{setting} doit être une durée positive (par exemple 00:00:30), pas « {value} ».");
        }

        Positive(options.ShutdownTimeout, nameof(options.ShutdownTimeout));
        Positive(options.ScheduleSyncInterval, nameof(options.ScheduleSyncInterval));
        Positive(options.DataChangePollInterval, nameof(options.DataChangePollInterval));
        Positive(options.RecomputeQuietPeriod, nameof(options.RecomputeQuietPeriod));
        Positive(options.RecomputeMaxDelay, nameof(options.RecomputeMaxDelay));
        Positive(options.RetryInitialDelay, nameof(options.RetryInitialDelay));
        Positive(options.RetryMaxDelay, nameof(options.RetryMaxDelay));
        Positive(options.MisfireThreshold, nameof(options.MisfireThreshold));
        Positive(options.ClusterCheckinInterval, nameof(options.ClusterCheckinInterval));
        Positive(options.ClusterCheckinMisfireThreshold, nameof(options.ClusterCheckinMisfireThreshold));
        if (options.RecomputeMaxDelay < options.RecomputeQuietPeriod)
            problems.Add("Worker:RecomputeMaxDelay doit être au moins égal à Worker:RecomputeQuietPeriod.");
        if (options.RetryMaxDelay < options.RetryInitialDelay)
            problems.Add("Worker:RetryMaxDelay doit être au moins égal à Worker:RetryInitialDelay.");
        if (options.RetryAttempts < 0)
            problems.Add("Worker:RetryAttempts doit être positif ou nul (0 : pas de nouvelle tentative).");
        if (options.MaxConcurrency < 1)
            problems.Add("Worker:MaxConcurrency doit valoir au moins 1.");
        if (string.IsNullOrWhiteSpace(options.SchedulerName))
            problems.Add("Worker:SchedulerName ne peut pas être vide.");
        if (!CronExpression.TryParse(options.NightlyRecomputeCron, out _))
            problems.Add($"Worker:NightlyRecomputeCron n'est pas une expression cron Quartz valide : « {options.NightlyRecomputeCron} » (exemple : 0 30 2 * * ?).");
        Positive(options.HistoryRetention, nameof(options.HistoryRetention));
        if (options.ReportSuppressionThreshold < 1)
            problems.Add("Worker:ReportSuppressionThreshold doit valoir au moins 1.");
        foreach (var (setting, cron) in new[]
                 {
                     (nameof(options.CampaignLifecycleCron), options.CampaignLifecycleCron), (nameof(options.ReminderCron), options.ReminderCron),
                     (nameof(options.ReportCron), options.ReportCron),
                 })
            if (!CronExpression.TryParse(cron, out _))
                problems.Add($"Worker:{setting} n'est pas une expression cron Quartz valide : « {cron} ».");
        if (!CronExpression.TryParse(options.HistoryCleanupCron, out _))
            problems.Add($"Worker:HistoryCleanupCron n'est pas une expression cron Quartz valide : « {options.HistoryCleanupCron} ».");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
            problems.Add($"Worker:TimeZone : fuseau horaire inconnu « {options.TimeZone} » (exemple : Europe/Paris).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
