using ImpactEval.Worker.History;

namespace ImpactEval.Worker.Housekeeping;

/// <summary>
/// A task that keeps the worker moving every few seconds (data watch, outbox delivery, schedule synchronisation). Not
/// a Hangfire job — it would flood Hangfire's storage and dashboard with one job per poll — but a background process
/// of every node (<see cref="HousekeepingProcess{TTask}"/>), run by one node at a time.
/// </summary>
public interface IHousekeepingTask
{
    /// <summary>Does one round.</summary>
    /// <param name="cancellationToken">Cancelled when the node stops.</param>
    /// <returns>What the round did (skipped when nothing: such rounds are not recorded).</returns>
    Task<JobRunReport> RunAsync(CancellationToken cancellationToken);
}
