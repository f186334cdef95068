using ImpactEval.Worker.History;
using ImpactEval.Worker.Reports;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Renders a protocol's report on its schedule (<see cref="ScheduledReports"/>): nothing is written when the
/// protocol version and the data are those of the last report. Never runs together with the protocol's
/// recomputation (they share <see cref="JobCatalog.ExclusiveResource"/>); a run cut short by a crash is run again and
/// the report is still recorded once.
/// </summary>
public sealed class ScheduledReportJob(ScheduledReports reports, IOptions<WorkerOptions> options)
{
    /// <summary>Renders the report of <paramref name="protocolCode"/> unless its inputs were already reported.</summary>
    /// <param name="protocolCode">The protocol's code.</param>
    /// <param name="cancellationToken">Hangfire's token.</param>
    public async Task<JobRunReport> RunAsync(string protocolCode, CancellationToken cancellationToken)
    {
        var round = await reports.RenderAsync(protocolCode, $"worker:{options.Value.NodeName}", cancellationToken);
        var report = round.Rendered ? JobRunReport.Succeeded(round.Summary) : JobRunReport.Skipped(round.Summary);
        return report.With("protocol", protocolCode).With("report", round.Key).With("files", round.Files.Count).With("notified", round.Notified);
    }
}
