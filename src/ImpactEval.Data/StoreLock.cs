using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Data;

/// <summary>
/// Serialises the writers of one protocol's (or one territory's participants') data across processes, until the end of
/// the current transaction: a second import of the same file then starts after the first committed, sees its data, and
/// finds nothing left to write.
/// </summary>
/// <remarks>
/// On PostgreSQL a transaction-level advisory lock (<c>pg_advisory_xact_lock(scope, id)</c>) keyed on the scope and the
/// protocol or territory id: writers of other protocols proceed in parallel; the lock is released by commit or
/// rollback, and by the server if the process dies. A wait longer than the command timeout ends in a timeout (see
/// <see cref="StoreErrors"/>). On SQLite, transactions begin <c>IMMEDIATE</c> (Microsoft.Data.Sqlite's default): the
/// database has one writer at a time, which already serialises the imports, so there is nothing to take.
/// </remarks>
public static class StoreLock
{
    /// <summary>Imports of one protocol's observations or aggregated values (keyed on the protocol id).</summary>
    public const int Protocol = 0x1A9A_0001;

    /// <summary>Changes to one territory's participants: enrolment imports, erasures (keyed on the territory id).</summary>
    public const int Participants = 0x1A9A_0002;

    /// <summary>Takes the lock of <paramref name="scope"/> and <paramref name="id"/> in the context's current transaction, waiting for its holder to finish.</summary>
    /// <param name="db">A context with an open transaction.</param>
    /// <param name="scope"><see cref="Protocol"/> or <see cref="Participants"/>.</param>
    /// <param name="id">The protocol or territory id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task TakeAsync(ImpactEvalDbContext db, int scope, int id, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("StoreLock.TakeAsync needs a transaction.");
        if (StoreSchema.ProviderOf(db) == StoreProvider.PostgreSql)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({scope}, {id})", cancellationToken);
    }
}
