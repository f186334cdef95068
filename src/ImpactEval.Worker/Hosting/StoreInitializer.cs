using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Hosting;

/// <summary>
/// Brings the store's schema to the current version before anything else starts (registered before the
/// scheduler's hosted service, which the host starts after it). Several nodes starting at once are safe: on
/// PostgreSQL the schema work is serialised by an advisory lock.
/// </summary>
public sealed class StoreInitializer(IDbContextFactory<ImpactEvalDbContext> contexts, ILogger<StoreInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await StoreSchema.EnsureCurrentAsync(db, cancellationToken);
        logger.LogInformation("Store ready ({Provider}, schema v{Version})", StoreSchema.ProviderOf(db), StoreSchema.CurrentVersion);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
