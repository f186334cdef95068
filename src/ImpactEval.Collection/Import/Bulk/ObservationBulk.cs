using System.Data.Common;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ImpactEval.Collection.Import.Bulk;

/// <summary>
/// Writes many observations in the current transaction of the context without EF change tracking: a direct bulk
/// insert when none of the values can exist yet, otherwise a staging table merged by set-based statements (count
/// unchanged and changed values, keep previous values as revisions, update, insert). The only place where the SQLite
/// and PostgreSQL import paths differ is how rows reach the database (<see cref="CopyAsync"/>).
/// </summary>
internal abstract class ObservationBulk(ImpactEvalDbContext db)
{
    /// <summary>The staging table (temporary, private to the connection).</summary>
    protected const string Staging = "staged_observations";

    /// <summary>The writer for the context's provider.</summary>
    public static ObservationBulk For(ImpactEvalDbContext db) =>
        StoreSchema.ProviderOf(db) == StoreProvider.PostgreSql ? new PostgresObservationBulk(db) : new SqliteObservationBulk(db);

    /// <summary>The context's open connection.</summary>
    protected DbConnection Connection => db.Database.GetDbConnection();

    /// <summary>The context's current transaction (the import always runs in one).</summary>
    protected DbTransaction Transaction => db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Bulk observation writes need a transaction.");

    /// <summary>Prepares the connection for a large write (e.g. a bigger page cache); undone by <see cref="FinishAsync"/>.</summary>
    public virtual Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Checks once, in the import's transaction, that the file's enrolments, waves and indicators (store ids, distinct)
    /// still exist and belong to the protocol, and keeps them from being deleted until the transaction ends; false when one
    /// is missing (deleted since the import read them). Where the store checks each value's references itself (SQLite's
    /// foreign keys), there is nothing to do.
    /// </summary>
    public virtual Task<bool> CheckReferencesAsync(int protocolId, int[] enrolmentIds, int[] waveIds, int[] indicatorIds, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    /// <summary>Undoes <see cref="StartAsync"/>.</summary>
    public virtual Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inserts values straight into <c>observations</c>, all recorded by import <paramref name="importId"/> at <paramref name="now"/>.</summary>
    public Task InsertAsync(IEnumerable<StagedObservation> values, int importId, DateTime now, CancellationToken cancellationToken) =>
        CopyAsync(values, ("observations", importId, now), cancellationToken);

    /// <summary>Creates the staging table (empty) and copies the values into it.</summary>
    public async Task StageAsync(IEnumerable<StagedObservation> values, CancellationToken cancellationToken)
    {
        await ExecuteAsync(CreateStagingSql, cancellationToken);
        await CopyAsync(values, null, cancellationToken);
        await AfterStagingAsync(cancellationToken);
    }

    /// <summary>How many staged values already exist, and how many of those are identical (value and, when given, date).</summary>
    public async Task<(long Existing, long Unchanged)> CompareAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN o."Value" = s."Value" AND (s."CollectedOn" IS NULL OR o."CollectedOn" = s."CollectedOn") THEN 1 ELSE 0 END), 0)
            FROM {Staging} s JOIN observations o ON {SameKey}
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)));
    }

    /// <summary>Applies the staged values: revisions of changed values, updates, inserts of new values (each pass only when <see cref="CompareAsync"/> counted some).</summary>
    public async Task MergeAsync(int importId, string actor, string reason, DateTime now, bool anyChanged, bool anyNew, CancellationToken cancellationToken)
    {
        if (anyChanged) await ChangeAsync(importId, actor, reason, now, cancellationToken);
        if (anyNew) await ExecuteAsync($"""
            INSERT INTO observations ("EnrolmentId", "WaveId", "IndicatorId", "Value", "CollectedOn", "ImportId", "RecordedAt", "UpdatedAt")
            SELECT s."EnrolmentId", s."WaveId", s."IndicatorId", s."Value", s."CollectedOn", @import, @now, @now
            FROM {Staging} s
            WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE {SameKey})
            """, cancellationToken, ("import", importId), ("now", now));
    }

    private async Task ChangeAsync(int importId, string actor, string reason, DateTime now, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"""
            INSERT INTO observation_revisions ("ObservationId", "PreviousValue", "PreviousCollectedOn", "NewValue", "ChangedBy", "Reason", "ChangedAt")
            SELECT o."Id", o."Value", o."CollectedOn", s."Value", @actor, @reason, @now
            FROM {Staging} s JOIN observations o ON {SameKey}
            WHERE {Changed}
            """, cancellationToken, ("actor", actor), ("reason", reason), ("now", now));
        await ExecuteAsync($"""
            UPDATE observations AS o SET "Value" = s."Value", "CollectedOn" = COALESCE(s."CollectedOn", o."CollectedOn"), "ImportId" = @import, "UpdatedAt" = @now
            FROM {Staging} s
            WHERE {SameKey} AND ({Changed})
            """, cancellationToken, ("import", importId), ("now", now));
    }

    /// <summary>Drops the staging table (it disappears with the transaction on PostgreSQL; SQLite keeps it on the pooled connection).</summary>
    public Task DropStagingAsync(CancellationToken cancellationToken) => ExecuteAsync($"DROP TABLE IF EXISTS {Staging}", cancellationToken);

    /// <summary>Copies values into the staging table (<paramref name="target"/> null) or into <c>observations</c>.</summary>
    protected abstract Task CopyAsync(IEnumerable<StagedObservation> values, (string Table, int ImportId, DateTime Now)? target, CancellationToken cancellationToken);

    /// <summary>DDL of the staging table.</summary>
    protected abstract string CreateStagingSql { get; }

    /// <summary>Runs after staging (statistics for the planner).</summary>
    protected virtual Task AfterStagingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private const string SameKey = """o."EnrolmentId" = s."EnrolmentId" AND o."WaveId" = s."WaveId" AND o."IndicatorId" = s."IndicatorId" """;

    private const string Changed = """o."Value" <> s."Value" OR (s."CollectedOn" IS NOT NULL AND (o."CollectedOn" IS NULL OR o."CollectedOn" <> s."CollectedOn"))""";

    /// <summary>A command on the connection, in the transaction.</summary>
    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>Runs a statement with named parameters.</summary>
    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
