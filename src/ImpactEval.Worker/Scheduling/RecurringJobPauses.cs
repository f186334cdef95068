using Hangfire;
using Hangfire.Client;
using Hangfire.Storage;

namespace ImpactEval.Worker.Scheduling;

/// <summary>
/// Recurring jobs paused after a final failure, kept in Hangfire's storage (a set): while paused, the recurring-job
/// scheduler's occurrences are cancelled as they are created (this client filter), so a job that keeps failing is
/// not run again every night. An operator resumes it (<c>impacteval jobs resume</c>, <c>POST /api/jobs/…/resume</c>).
/// </summary>
public sealed class RecurringJobPauses : IClientFilter
{
    /// <summary>The set holding the ids of paused recurring jobs.</summary>
    public const string SetKey = "impacteval:paused-recurring-jobs";

    /// <summary>Pauses a recurring job, within a state change's transaction.</summary>
    public static void Pause(IWriteOnlyTransaction transaction, string recurringJobId) => transaction.AddToSet(SetKey, recurringJobId);

    /// <summary>Resumes recurring jobs; their next occurrence follows their schedule (the missed ones are not replayed).</summary>
    public static void Resume(JobStorage storage, IEnumerable<string> recurringJobIds)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        foreach (var id in recurringJobIds) transaction.RemoveFromSet(SetKey, id);
        transaction.Commit();
    }

    /// <summary>The ids of the paused recurring jobs.</summary>
    public static IReadOnlySet<string> Paused(IStorageConnection connection) => connection.GetAllItemsFromSet(SetKey);

    /// <inheritdoc />
    public void OnCreating(CreatingContext context)
    {
        if (context.Parameters.TryGetValue("RecurringJobId", out var id) && id is string recurring && Paused(context.Connection).Contains(recurring))
            context.Canceled = true;
    }

    /// <inheritdoc />
    public void OnCreated(CreatedContext context)
    {
    }
}
