using Hangfire;
using ImpactEval.Data;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Housekeeping;

/// <summary>
/// Keeps the schedule in step with the store and the configuration (<see cref="RecurringSchedule"/>): every registered
/// protocol has its nightly recomputation and its scheduled report; a protocol that disappeared loses them. Also
/// closes the history of runs Hangfire will never finish (<see cref="JobRunRecorder.AbandonOrphans"/>). Runs at start
/// and then every <see cref="WorkerOptions.ScheduleSyncInterval"/>.
/// </summary>
public sealed class ScheduleSync(ImpactEvalDbContext db, RecurringSchedule schedule, JobRunRecorder recorder, JobStorage storage) : IHousekeepingTask
{
    /// <summary>The task's name in the history.</summary>
    public const string Name = "schedule-sync";

    /// <inheritdoc />
    public async Task<JobRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var codes = await db.Protocols.Select(p => p.Code).ToListAsync(cancellationToken);
        var (changed, removed) = schedule.Apply(codes);
        var orphans = recorder.AbandonOrphans(storage);
        if (changed.Count == 0 && removed.Count == 0 && orphans == 0)
            return JobRunReport.Skipped($"{codes.Count} protocole(s), planification à jour.");
        return JobRunReport.Succeeded("Planification mise à jour : " + string.Join(" ; ", new[]
        {
            changed.Count == 0 ? null : $"tâches récurrentes créées ou modifiées : {string.Join(", ", changed)}",
            removed.Count == 0 ? null : $"tâches récurrentes retirées : {string.Join(", ", removed)}",
            orphans == 0 ? null : $"{orphans} exécution(s) restée(s) « en cours » marquée(s) interrompue(s)",
        }.OfType<string>()) + ".");
    }
}
