using ImpactEval.Collection;
using System.Globalization;
using ImpactEval.Data;
using ImpactEval.Worker.Campaigns;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Scheduling;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Sends the campaign reminders due today (a week before closing, the day before, then once overdue) to the
/// respondents of one school-holiday zone who still owe data (<see cref="CampaignReminders"/>). One job per zone, run
/// every weekday morning: the scheduled round sends nothing on a weekend or a school holiday of its zone, and the first
/// school day's round sends the latest reminder due (a reminder day in the holidays is caught up, a stale "J-7" never
/// sent). An operator's "run now" sends what is due whatever the day.
/// </summary>
public sealed class CampaignReminderJob(ImpactEvalDbContext db, ContactDirectory contacts, SchoolHolidays holidays, LocalClock clock, TimeProvider time)
{
    /// <summary>Queues the reminders due today in <paramref name="zone"/>.</summary>
    /// <param name="zone">"A", "B", "C", or null for territories without a zone.</param>
    /// <param name="schoolDaysOnly">True for the scheduled round: nothing is sent on weekends and the zone's school holidays.</param>
    /// <param name="cancellationToken">Hangfire's token.</param>
    public async Task<JobRunReport> RunAsync(string? zone, bool schoolDaysOnly, CancellationToken cancellationToken)
    {
        char? holidayZone = zone is { Length: 1 } text ? char.ToUpperInvariant(text[0]) : null;
        var today = clock.Today;
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var zoneName = holidayZone?.ToString() ?? "aucune";
        if (schoolDaysOnly && !holidays.IsSchoolDay(holidayZone, today))
            return JobRunReport.Skipped(today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                    ? "Week-end : pas de rappel aujourd’hui."
                    : $"Vacances scolaires de la zone {holidayZone} : pas de rappel aujourd’hui, ceux qui sont dus partiront le premier jour de classe.")
                .With("zone", zoneName).With("today", day);
        var round = await new CampaignReminders(db, contacts, time).QueueAsync(holidayZone, today, cancellationToken);
        var summary = round.Due == 0
            ? $"Aucun rappel dû aujourd'hui ({round.Owing} répondant(s) avec des données manquantes)."
            : $"Rappels : {round.Queued} courriel(s) mis en file pour {round.Due} répondant(s) concerné(s)." +
              (round.WithoutAddress.Count == 0 ? "" : $" Sans adresse configurée (Contacts) : {string.Join(", ", round.WithoutAddress)}.");
        if (holidayZone is not null && !holidays.Covers(today))
            summary += $" Attention : le calendrier des vacances scolaires s’arrête au {holidays.LastDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ; ajoutez l’année en cours (SchoolHolidays:Periods).";
        var report = round.Due == 0 ? JobRunReport.Skipped(summary) : JobRunReport.Succeeded(summary);
        return report.With("zone", zoneName).With("today", day).With("due", round.Due).With("queued", round.Queued);
    }
}
