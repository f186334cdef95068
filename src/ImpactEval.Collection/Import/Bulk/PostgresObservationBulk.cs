using ImpactEval.Data;
using Npgsql;
using NpgsqlTypes;

namespace ImpactEval.Collection.Import.Bulk;

/// <summary>PostgreSQL: binary COPY (NpgsqlBinaryImporter) into the table or into a temporary staging table dropped at commit.</summary>
internal sealed class PostgresObservationBulk(ImpactEvalDbContext db) : ObservationBulk(db)
{
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
        // The connection's command timeout (30 s by default) would cut a million-row copy: checking the four foreign keys
        // of each row alone takes longer. The import is cancelled through its token instead.
        writer.Timeout = TimeSpan.FromHours(1);
        foreach (var value in values)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(value.EnrolmentId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(value.WaveId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(value.IndicatorId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(value.Value, NpgsqlDbType.Double, cancellationToken);
            if (value.CollectedOn is { } date) await writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken);
            else await writer.WriteNullAsync(cancellationToken);
            if (target is { } t)
            {
                await writer.WriteAsync(t.ImportId, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(t.Now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(t.Now, NpgsqlDbType.TimestampTz, cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
