using Hangfire.Server;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Hosting;

namespace ImpactEval.Worker.Housekeeping;

/// <summary>
/// Runs a <see cref="IHousekeepingTask"/> every <paramref name="interval"/> as a Hangfire background process of this
/// node, in a scope of its own, holding the task's <see cref="ExclusiveRuns"/> resource: on a cluster, one node at a
/// time does the round and the others skip it. A round that did something or failed is recorded in the history; a
/// failure is logged and the task runs again at its next interval.
/// </summary>
/// <typeparam name="TTask">The task (registered scoped).</typeparam>
public sealed class HousekeepingProcess<TTask>(
    string name, TimeSpan interval, IServiceScopeFactory scopes, ExclusiveRuns exclusive, JobRunRecorder recorder, TimeProvider time, ILogger<TTask> logger)
    : IBackgroundProcess where TTask : IHousekeepingTask
{
    /// <summary>The task's name in the history ("housekeeping.data-watch").</summary>
    public string Name => name;

    /// <inheritdoc />
    public void Execute(BackgroundProcessContext context)
    {
        using (var hold = exclusive.TryEnter($"{JobRunRecorder.HousekeepingGroup}:{name}"))
        {
            if (hold is not null && !context.IsStopping) Round(context.StoppingToken);
        }
        context.Wait(interval);
    }

    private void Round(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow().UtcDateTime;
        try
        {
            using var scope = scopes.CreateScope();
            var report = scope.ServiceProvider.GetRequiredService<TTask>().RunAsync(cancellationToken).GetAwaiter().GetResult();
            recorder.RecordHousekeeping(name, started, report, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The node is stopping: the round is simply not finished.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Housekeeping task {Task} failed", name);
            recorder.RecordHousekeeping(name, started, null, e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{JobRunRecorder.HousekeepingGroup}.{name}";
}
