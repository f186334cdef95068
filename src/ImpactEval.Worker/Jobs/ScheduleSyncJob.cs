using ImpactEval.Data;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Keeps the schedule in step with the store: every registered protocol has its recomputation job and nightly
/// trigger; a protocol that disappeared loses them. Runs at start and then every
/// <see cref="WorkerOptions.ScheduleSyncInterval"/>.
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(0)]
public sealed class ScheduleSyncJob(ImpactEvalDbContext db, ProtocolSchedules schedules) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var codes = await db.Protocols.Select(p => p.Code).ToListAsync(cancellationToken);
        var added = new List<string>();
        foreach (var code in codes)
            if (await schedules.EnsureAsync(context.Scheduler, code, cancellationToken)) added.Add(code);
        var removed = await schedules.RemoveOthersAsync(context.Scheduler, codes.ToHashSet(StringComparer.Ordinal), cancellationToken);

        context.Result = added.Count == 0 && removed.Count == 0
            ? JobRunReport.Skipped($"{codes.Count} protocole(s), planification à jour.")
            : JobRunReport.Succeeded("Planification mise à jour : " + string.Join(" ; ", new[]
            {
                added.Count == 0 ? null : $"tâches créées ou modifiées pour {string.Join(", ", added)}",
                removed.Count == 0 ? null : $"tâches retirées pour {string.Join(", ", removed)} (protocole supprimé)",
            }.OfType<string>()) + ".");
    }
}
