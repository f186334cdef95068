using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImpactEval.Data;

/// <summary>
/// Settings every SQLite connection of the store gets when it opens: <c>secure_delete</c>, so that deleted rows (an
/// erased participant's, a corrected value's former text) are overwritten with zeros instead of staying readable in
/// free space of the database file.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA secure_delete=ON;";

    /// <summary>The one instance (stateless).</summary>
    public static readonly SqliteConnectionSetup Instance = new();

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
