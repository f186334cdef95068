using System.Globalization;
using ImpactEval.Data;
using Microsoft.Data.Sqlite;

namespace ImpactEval.Collection.Import.Bulk;

/// <summary>
/// SQLite: one prepared multi-row INSERT reused for the whole file (100 rows per statement, parameters rebound, ids
/// boxed once), inside the import's transaction; a 64 MiB page cache during the write.
/// </summary>
internal sealed class SqliteObservationBulk(ImpactEvalDbContext db) : ObservationBulk(db)
{
    private const int RowsPerStatement = 100;

    protected override string CreateStagingSql => $"""
        DROP TABLE IF EXISTS temp.{Staging};
        CREATE TEMP TABLE {Staging} ("EnrolmentId" INTEGER NOT NULL, "WaveId" INTEGER NOT NULL, "IndicatorId" INTEGER NOT NULL, "Value" REAL NOT NULL, "CollectedOn" TEXT NULL)
        """;

    public override Task StartAsync(CancellationToken cancellationToken) => ExecuteAsync("PRAGMA cache_size = -65536", cancellationToken);

    public override Task FinishAsync(CancellationToken cancellationToken) => ExecuteAsync("PRAGMA cache_size = -2000", cancellationToken);

    protected override async Task CopyAsync(IEnumerable<StagedObservation> values, (string Table, int ImportId, DateTime Now)? target, CancellationToken cancellationToken)
    {
        var columns = "\"EnrolmentId\", \"WaveId\", \"IndicatorId\", \"Value\", \"CollectedOn\"" + (target is null ? "" : ", \"ImportId\", \"RecordedAt\", \"UpdatedAt\"");
        var table = target?.Table ?? Staging;
        var constants = target is null ? "" : ", $import, $now, $now";
        var boxes = new Boxes();
        SqliteCommand? full = null;
        var batch = new StagedObservation[RowsPerStatement];
        var count = 0;
        try
        {
            foreach (var value in values)
            {
                batch[count++] = value;
                if (count < RowsPerStatement) continue;
                full ??= Prepare(table, columns, constants, RowsPerStatement, target);
                await RunAsync(full, batch, RowsPerStatement, boxes, cancellationToken);
                count = 0;
            }
            if (count > 0)
            {
                await using var rest = Prepare(table, columns, constants, count, target);
                await RunAsync(rest, batch, count, boxes, cancellationToken);
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private SqliteCommand Prepare(string table, string columns, string constants, int rows, (string Table, int ImportId, DateTime Now)? target)
    {
        var command = (SqliteCommand)Command("");
        var text = new System.Text.StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) text.Append(',');
            text.Append(CultureInfo.InvariantCulture, $"($e{r}, $w{r}, $i{r}, $v{r}, $d{r}{constants})");
            command.Parameters.Add(new SqliteParameter($"$e{r}", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter($"$w{r}", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter($"$i{r}", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter($"$v{r}", SqliteType.Real));
            command.Parameters.Add(new SqliteParameter($"$d{r}", SqliteType.Text));
        }
        if (target is { } t)
        {
            command.Parameters.AddWithValue("$import", t.ImportId);
            command.Parameters.AddWithValue("$now", t.Now);
        }
        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, StagedObservation[] batch, int count, Boxes boxes, CancellationToken cancellationToken)
    {
        var parameters = command.Parameters;
        for (var r = 0; r < count; r++)
        {
            var value = batch[r];
            parameters[5 * r].Value = boxes.Int(value.EnrolmentId);
            parameters[5 * r + 1].Value = boxes.Int(value.WaveId);
            parameters[5 * r + 2].Value = boxes.Int(value.IndicatorId);
            parameters[5 * r + 3].Value = value.Value;
            parameters[5 * r + 4].Value = boxes.Date(value.CollectedOn);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Boxed ids and date texts, made once each: a million rows repeat a few thousand of them.</summary>
    private sealed class Boxes
    {
        private readonly Dictionary<int, object> ints = [];
        private readonly Dictionary<DateOnly, object> dates = [];

        public object Int(int value)
        {
            if (!ints.TryGetValue(value, out var boxed)) ints[value] = boxed = value;
            return boxed;
        }

        public object Date(DateOnly? value)
        {
            if (value is not { } date) return DBNull.Value;
            if (!dates.TryGetValue(date, out var boxed)) dates[date] = boxed = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return boxed;
        }
    }
}
