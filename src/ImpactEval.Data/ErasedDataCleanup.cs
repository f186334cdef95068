using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Data;

/// <summary>
/// What follows a participant's erasure so that the erased values and texts do not stay readable in the database files.
/// </summary>
/// <remarks>
/// SQLite runs with <c>PRAGMA secure_delete=ON</c> on every connection (<see cref="SqliteConnectionSetup"/>): deleted
/// rows are overwritten with zeros in the database pages. The erasure's pages then still sit, with their former content,
/// in the write-ahead log: a <c>wal_checkpoint(TRUNCATE)</c> copies the zeroed pages into the database and empties the
/// log (if another connection is reading at that moment, the log is emptied at a later checkpoint).
/// PostgreSQL has no secure delete: a <c>VACUUM</c> of the tables that held the participant's rows (it cannot run in
/// a transaction, so it runs after the erasure's commit) removes the dead rows and their index entries and makes their
/// space reusable; their bytes may stay in the data files until the space is reused, and stay in WAL archives and
/// backups for their retention period (docs/collection.md).
/// </remarks>
public static class ErasedDataCleanup
{
    /// <summary>The tables that hold a participant's rows.</summary>
    public const string Tables = "participants, enrolments, baseline_values, observations, observation_revisions, enrolment_status_changes, group_changes";

    /// <summary>Runs the provider's cleanup, outside any transaction.</summary>
    /// <param name="db">A context with no open transaction.</param>
    /// <param name="cancellationToken">Cancels the cleanup (the erasure itself is already committed).</param>
    public static async Task RunAsync(ImpactEvalDbContext db, CancellationToken cancellationToken = default)
    {
        if (StoreSchema.ProviderOf(db) == StoreProvider.PostgreSql)
            await db.Database.ExecuteSqlRawAsync($"VACUUM (INDEX_CLEANUP ON) {Tables}", cancellationToken);
        else
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
    }
}
