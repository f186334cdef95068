using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImpactEval.Worker.Health;

/// <summary>Healthy when the store answers and is at the schema version this build expects.</summary>
public sealed class StoreHealthCheck(IDbContextFactory<ImpactEvalDbContext> contexts) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var version = await StoreSchema.ReadVersionAsync(db, cancellationToken);
            return version == StoreSchema.CurrentVersion
                ? HealthCheckResult.Healthy($"Base {StoreSchema.ProviderOf(db)} joignable, schéma v{version}.")
                : HealthCheckResult.Unhealthy($"Schéma v{version}, v{StoreSchema.CurrentVersion} attendu.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable.", e);
        }
    }
}
