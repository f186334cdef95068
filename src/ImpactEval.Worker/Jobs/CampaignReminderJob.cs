using System.Globalization;
using ImpactEval.Data;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Sends the campaign reminders due today (a week before closing, the day before, then once overdue) to the
/// respondents of one school-holiday zone who still owe data (<see cref="CampaignReminders"/>). One job per zone,
/// each fired every morning by a trigger whose Quartz calendar skips weekends and that zone's school holidays: a
/// reminder day that falls in the holidays is caught up on the first school day.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignReminderJob(ImpactEvalDbContext db, ContactDirectory contacts, IOptions<WorkerOptions> options, TimeProvider clock) : IJob
{
    /// <summary>The job data key of the zone ("A", "B", "C"; absent for territories without a zone).</summary>
    public const string ZoneKey = "zone";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        char? zone = context.MergedJobDataMap.TryGetString(ZoneKey, out var text) && text is { Length: 1 } ? text[0] : null;
        var today = LocalDate.Today(clock, options.Value.TimeZone);
        var round = await new CampaignReminders(db, contacts, clock).QueueAsync(zone, today, cancellationToken);
        var summary = round.Due == 0
            ? $"Aucun rappel dû aujourd'hui ({round.Owing} répondant(s) avec des données manquantes)."
            : $"Rappels : {round.Queued} courriel(s) mis en file pour {round.Due} répondant(s) concerné(s)." +
              (round.WithoutAddress.Count == 0 ? "" : $" Sans adresse configurée (Contacts) : {string.Join(", ", round.WithoutAddress)}.");
        var report = round.Due == 0 ? JobRunReport.Skipped(summary) : JobRunReport.Succeeded(summary);
        context.Result = report.With("zone", zone?.ToString() ?? "aucune").With("today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("due", round.Due).With("queued", round.Queued);
    }
}
