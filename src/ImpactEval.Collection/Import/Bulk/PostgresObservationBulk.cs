using ImpactEval.Data;
using Npgsql;
using NpgsqlTypes;

namespace ImpactEval.Collection.Import.Bulk;

/// <summary>
/// PostgreSQL: binary COPY (NpgsqlBinaryImporter) into the table or into a temporary staging table dropped at commit;
/// the values' references are checked once per import (<see cref="CheckReferencesAsync"/>), not once per row.
/// </summary>
internal sealed class PostgresObservationBulk(ImpactEvalDbContext db) : ObservationBulk(db)
{
    /// <summary>
    /// Locks the file's enrolments, waves and indicators of the protocol FOR KEY SHARE (what a foreign key takes for each
    /// row, taken here once per parent row) and counts them; when all are there, marks the transaction as checked so that
    /// the per-row trigger of observations (Schema/Upgrades/v6.postgresql.sql) is skipped for its bulk writes.
    /// </summary>
    public override async Task<bool> CheckReferencesAsync(int protocolId, int[] enrolmentIds, int[] waveIds, int[] indicatorIds, CancellationToken cancellationToken)
    {
        await using var command = (NpgsqlCommand)Command("""
            WITH e AS (SELECT 1 FROM enrolments WHERE "ProtocolId" = @protocol AND "Id" = ANY(@enrolments) FOR KEY SHARE),
                 w AS (SELECT 1 FROM waves WHERE "ProtocolId" = @protocol AND "Id" = ANY(@waves) FOR KEY SHARE),
                 i AS (SELECT 1 FROM indicators WHERE "ProtocolId" = @protocol AND "Id" = ANY(@indicators) FOR KEY SHARE)
            SELECT (SELECT COUNT(*) FROM e), (SELECT COUNT(*) FROM w), (SELECT COUNT(*) FROM i)
            """);
        command.Parameters.AddWithValue("protocol", protocolId);
        command.Parameters.AddWithValue("enrolments", enrolmentIds);
        command.Parameters.AddWithValue("waves", waveIds);
        command.Parameters.AddWithValue("indicators", indicatorIds);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            if (reader.GetInt64(0) != enrolmentIds.Length || reader.GetInt64(1) != waveIds.Length || reader.GetInt64(2) != indicatorIds.Length) return false;
        }
        await ExecuteAsync("SELECT set_config('impacteval.observations_checked', 'on', true)", cancellationToken);
        return true;
    }

    protected override string CreateStagingSql => $"""
        DROP TABLE IF EXISTS {Staging};
        CREATE TEMP TABLE {Staging} ("EnrolmentId" integer NOT NULL, "WaveId" integer NOT NULL, "IndicatorId" integer NOT NULL, "Value" double precision NOT NULL, "CollectedOn" date NULL) ON COMMIT DROP
        """;

    protected override Task AfterStagingAsync(CancellationToken cancellationToken) => ExecuteAsync($"ANALYZE {Staging}", cancellationToken);

    protected override async Task CopyAsync(IEnumerable<StagedObservation> values, (string Table, int ImportId, DateTime Now)? target, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Connection;
        var columns = "\"EnrolmentId\", \"WaveId\", \"IndicatorId\", \"Value\", \"CollectedOn\"" + (target is null ? "" : ", \"ImportId\", \"RecordedAt\", \"UpdatedAt\"");
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target?.Table ?? Staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // The connection's command timeout (30 s by default) could cut a large copy on a slow server: the import is
        // cancelled through its token instead.
        writer.Timeout = TimeSpan.FromHours(1);
        // Synchronous writes: the importer fills a 64 KiB buffer in memory and only its flushes reach the network, so
        // an await per value (eight per row) would cost more than the value itself.
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.StartRow();
            writer.Write(value.EnrolmentId, NpgsqlDbType.Integer);
            writer.Write(value.WaveId, NpgsqlDbType.Integer);
            writer.Write(value.IndicatorId, NpgsqlDbType.Integer);
            writer.Write(value.Value, NpgsqlDbType.Double);
            if (value.CollectedOn is { } date) writer.Write(date, NpgsqlDbType.Date);
            else writer.WriteNull();
            if (target is { } t)
            {
                writer.Write(t.ImportId, NpgsqlDbType.Integer);
                writer.Write(t.Now, NpgsqlDbType.TimestampTz);
                writer.Write(t.Now, NpgsqlDbType.TimestampTz);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
