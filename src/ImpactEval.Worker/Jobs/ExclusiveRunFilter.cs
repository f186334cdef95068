using Hangfire.Server;
using ImpactEval.Worker.Hosting;

namespace ImpactEval.Worker.Jobs;

/// <summary>
/// Runs every job holding its <see cref="JobCatalog.ExclusiveResource"/> (<see cref="ExclusiveRuns"/>): two runs of a
/// job — a nightly and a "data changed" recomputation of one protocol, or its recomputation and its report — never
/// execute together, on any node; the later one waits. Registered before the history recorder, so that a run's
/// recorded time is its execution, not its wait.
/// </summary>
public sealed class ExclusiveRunFilter(ExclusiveRuns exclusive) : IServerFilter
{
    private const string HoldItem = "impacteval.exclusive";

    /// <inheritdoc />
    public void OnPerforming(PerformingContext context)
    {
        var resource = JobCatalog.ExclusiveResource(JobCatalog.KeyOf(context.BackgroundJob.Job));
        context.Items[HoldItem] = exclusive.Enter(resource, context.CancellationToken.ShutdownToken);
    }

    /// <inheritdoc />
    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(HoldItem, out var hold)) ((IDisposable)hold).Dispose();
    }
}
