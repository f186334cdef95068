using ImpactEval.Worker.Reports;
using Quartz;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Renders a protocol's report on its schedule (<see cref="ScheduledReports"/>): nothing is written when the
/// protocol version and the data are those of the last report. One job per protocol, never run concurrently with
/// itself; a run cut short by a crash is run again (recovery) and the report is still recorded once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledReportJob(ScheduledReports reports) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var code = context.MergedJobDataMap.GetString(JobNames.ProtocolKey)
            ?? throw new InvalidOperationException($"La tâche {context.JobDetail.Key} ne porte pas la donnée « {JobNames.ProtocolKey} » (le protocole à traiter) : elle a été mal programmée.");
        var round = await reports.RenderAsync(code, $"worker:{context.Scheduler.SchedulerInstanceId}", cancellationToken);
        var report = round.Rendered ? JobRunReport.Succeeded(round.Summary) : JobRunReport.Skipped(round.Summary);
        context.Result = report.With("protocol", code).With("report", round.Key).With("files", round.Files.Count).With("notified", round.Notified);
    }
}
