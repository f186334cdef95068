using System.Globalization;
using System.Text;
using ImpactEval.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ImpactEval.Collection.Import.Bulk;

/// <summary>
/// SQLite: one prepared multi-row INSERT (50 rows per statement) reused for the whole file, values bound by position
/// through the native API (no boxing, no parameter lookup by name, date texts encoded once), inside the import's
/// transaction; a 32 MiB page cache during the write.
/// </summary>
/// <remarks>
/// Measured on the benchmark: ADO.NET parameters (bound by name on every execution) ran at about a tenth of this rate.
/// </remarks>
internal sealed class SqliteObservationBulk(ImpactEvalDbContext db) : ObservationBulk(db)
{
    private const int RowsPerStatement = 50;
    private const int Columns = 5;

    protected override string CreateStagingSql => $"""
        DROP TABLE IF EXISTS temp.{Staging};
        CREATE TEMP TABLE {Staging} ("EnrolmentId" INTEGER NOT NULL, "WaveId" INTEGER NOT NULL, "IndicatorId" INTEGER NOT NULL, "Value" REAL NOT NULL, "CollectedOn" TEXT NULL)
        """;

    public override Task StartAsync(CancellationToken cancellationToken) => ExecuteAsync("PRAGMA cache_size = -32768", cancellationToken);

    public override Task FinishAsync(CancellationToken cancellationToken) => ExecuteAsync("PRAGMA cache_size = -2000", cancellationToken);

    protected override Task CopyAsync(IEnumerable<StagedObservation> values, (string Table, int ImportId, DateTime Now)? target, CancellationToken cancellationToken)
    {
        var handle = ((SqliteConnection)Connection).Handle ?? throw new InvalidOperationException("La connexion à la base SQLite n'est pas ouverte : l'import n'a rien écrit.");
        var dates = new Dictionary<DateOnly, byte[]>();
        var batch = new StagedObservation[RowsPerStatement];
        var count = 0;
        sqlite3_stmt? full = null;
        try
        {
            foreach (var value in values)
            {
                batch[count++] = value;
                if (count < RowsPerStatement) continue;
                cancellationToken.ThrowIfCancellationRequested();
                full ??= Prepare(handle, RowsPerStatement, target);
                Run(handle, full, batch, RowsPerStatement, dates);
                count = 0;
            }
            if (count > 0)
            {
                var rest = Prepare(handle, count, target);
                try { Run(handle, rest, batch, count, dates); }
                finally { raw.sqlite3_finalize(rest); }
            }
        }
        finally
        {
            if (full is not null) raw.sqlite3_finalize(full);
        }
        return Task.CompletedTask;
    }

    private static sqlite3_stmt Prepare(sqlite3 handle, int rows, (string Table, int ImportId, DateTime Now)? target)
    {
        var constants = rows * Columns;
        var text = new StringBuilder("INSERT INTO ").Append(target?.Table ?? Staging)
            .Append(" (\"EnrolmentId\", \"WaveId\", \"IndicatorId\", \"Value\", \"CollectedOn\"")
            .Append(target is null ? "" : ", \"ImportId\", \"RecordedAt\", \"UpdatedAt\"").Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) text.Append(',');
            var p = r * Columns;
            text.Append(CultureInfo.InvariantCulture, $"(?{p + 1}, ?{p + 2}, ?{p + 3}, ?{p + 4}, ?{p + 5}");
            if (target is not null) text.Append(CultureInfo.InvariantCulture, $", ?{constants + 1}, ?{constants + 2}, ?{constants + 2}");
            text.Append(')');
        }
        Check(handle, raw.sqlite3_prepare_v2(handle, text.ToString(), out var statement));
        if (target is { } t)
        {
            // Bindings survive sqlite3_reset: the import id and the time are bound once. Same text format as EF Core's.
            Check(handle, raw.sqlite3_bind_int64(statement, constants + 1, t.ImportId));
            Check(handle, raw.sqlite3_bind_text(statement, constants + 2, t.Now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)));
        }
        return statement;
    }

    private static void Run(sqlite3 handle, sqlite3_stmt statement, StagedObservation[] batch, int count, Dictionary<DateOnly, byte[]> dates)
    {
        for (var r = 0; r < count; r++)
        {
            var value = batch[r];
            var p = r * Columns;
            raw.sqlite3_bind_int64(statement, p + 1, value.EnrolmentId);
            raw.sqlite3_bind_int64(statement, p + 2, value.WaveId);
            raw.sqlite3_bind_int64(statement, p + 3, value.IndicatorId);
            raw.sqlite3_bind_double(statement, p + 4, value.Value);
            if (value.CollectedOn is { } date)
            {
                if (!dates.TryGetValue(date, out var utf8)) dates[date] = utf8 = Encoding.UTF8.GetBytes(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                raw.sqlite3_bind_text(statement, p + 5, utf8);
            }
            else raw.sqlite3_bind_null(statement, p + 5);
        }
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) Check(handle, rc);
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle)); // explained in French by StoreErrors
    }
}
