using Microsoft.Extensions.Options;
using ImpactEval.Worker.Scheduling;

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
        Positive(options.PollInterval, nameof(options.PollInterval));
        Positive(options.TakeoverTimeout, nameof(options.TakeoverTimeout));
        Positive(options.SqliteInvisibilityTimeout, nameof(options.SqliteInvisibilityTimeout));
        Positive(options.HeartbeatInterval, nameof(options.HeartbeatInterval));
        Positive(options.ServerTimeout, nameof(options.ServerTimeout));
        if (options.ServerTimeout <= options.HeartbeatInterval)
            problems.Add("Worker:ServerTimeout doit être plus long que Worker:HeartbeatInterval.");
        if (options.RecomputeMaxDelay < options.RecomputeQuietPeriod)
            problems.Add("Worker:RecomputeMaxDelay doit être au moins égal à Worker:RecomputeQuietPeriod.");
        if (options.RetryMaxDelay < options.RetryInitialDelay)
            problems.Add("Worker:RetryMaxDelay doit être au moins égal à Worker:RetryInitialDelay.");
        if (options.RetryAttempts < 0)
            problems.Add("Worker:RetryAttempts doit être positif ou nul (0 : pas de nouvelle tentative).");
        if (options.MaxConcurrency < 1)
            problems.Add("Worker:MaxConcurrency doit valoir au moins 1.");
        Positive(options.HistoryRetention, nameof(options.HistoryRetention));
        if (options.ReportSuppressionThreshold < 1)
            problems.Add("Worker:ReportSuppressionThreshold doit valoir au moins 1.");
        foreach (var (setting, cron) in new[]
                 {
                     (nameof(options.NightlyRecomputeCron), options.NightlyRecomputeCron), (nameof(options.CampaignLifecycleCron), options.CampaignLifecycleCron),
                     (nameof(options.ReminderCron), options.ReminderCron), (nameof(options.ReportCron), options.ReportCron),
                     (nameof(options.HistoryCleanupCron), options.HistoryCleanupCron),
                 })
            if (!CronSchedule.IsValid(cron))
                problems.Add($"Worker:{setting} n’est pas une expression cron valide : « {cron} » (5 champs, ou 6 avec les secondes en tête ; exemple : 30 2 * * *).");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
            problems.Add($"Worker:TimeZone : fuseau horaire inconnu « {options.TimeZone} » (exemple : Europe/Paris).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
