using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Worker.Notifications;

/// <summary>
/// Writes notifications to the outbox table. A notification whose idempotency key is already there is not
/// written again, so a job that is retried, recovered after a crash or run on two nodes raises it once.
/// </summary>
public sealed class Outbox(ImpactEvalDbContext db, TimeProvider clock)
{
    /// <summary>Stores each message unless one with the same idempotency key exists.</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many messages were new.</returns>
    public async Task<int> EnqueueAsync(IEnumerable<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var message in messages)
        {
            // One statement per message, valid on SQLite (3.24+) and PostgreSQL: the unique index decides, so two
            // processes raising the same notification at the same instant still store one row.
            added += await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO outbox_messages ("IdempotencyKey", "Kind", "Recipient", "Subject", "Body", "CreatedAt", "Attempts", "NextAttemptAt", "GaveUp")
                VALUES ({message.IdempotencyKey}, {message.Kind}, {message.Recipient}, {message.Subject}, {message.Body}, {now}, 0, {now}, FALSE)
                ON CONFLICT ("IdempotencyKey") DO NOTHING
                """, cancellationToken);
        }
        return added;
    }
}
