using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImpactEval.Worker.Health;

/// <summary>Healthy when Hangfire's storage answers; says how many nodes are registered and how many jobs are queued.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy(
                $"Planificateur joignable : {statistics.Servers} nœud(s), {statistics.Enqueued} tâche(s) en file, {statistics.Processing} en cours, {statistics.Failed} en échec."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage du planificateur injoignable.", e));
        }
    }
}
