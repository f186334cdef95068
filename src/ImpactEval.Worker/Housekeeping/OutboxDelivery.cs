using System.Net.Mail;
using System.Net.Sockets;
using ImpactEval.Data;
using ImpactEval.Worker.History;
using ImpactEval.Worker.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Housekeeping;

/// <summary>
/// Delivers the outbox by SMTP: every message due, oldest first, each marked sent as soon as the server accepted
/// it. A message that fails waits longer before each new attempt (1, 2, 4… minutes, at most an hour) and is given
/// up after <see cref="NotificationOptions.MaxDeliveryAttempts"/>; the round then fails with the errors so that the
/// problem shows in the job history. One node at a time delivers (<see cref="HousekeepingProcess{TTask}"/>): two
/// nodes never send the same message at once.
/// </summary>
public sealed class OutboxDelivery(ImpactEvalDbContext db, SmtpSender sender, IOptions<NotificationOptions> options, TimeProvider clock) : IHousekeepingTask
{
    /// <summary>The task's name in the history.</summary>
    public const string Name = "outbox";

    private const int BatchSize = 50;

    /// <inheritdoc />
    public async Task<JobRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.DeliveryEnabled)
            return JobRunReport.Skipped("Aucun serveur SMTP configuré : les notifications restent dans la boîte d'envoi.");

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && !m.GaveUp && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0) return JobRunReport.Skipped("Aucune notification à envoyer.");

        var failures = new List<string>();
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await sender.SendAsync(message, cancellationToken);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception e) when (e is SmtpException or IOException or SocketException or InvalidOperationException)
            {
                // Recorded on the message (attempts, error, next attempt) and reported by the round below.
                message.LastError = e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})";
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
                message.GaveUp = message.Attempts >= settings.MaxDeliveryAttempts;
                failures.Add($"{message.Recipient} : {message.LastError}");
            }
            // Saved message by message: a crash after a send leaves at most that one message to be re-sent.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        if (failures.Count > 0)
            throw new InvalidOperationException(
                $"{due.Count - failures.Count} notification(s) envoyée(s), {failures.Count} sur {due.Count} non remise(s) : {string.Join(" ; ", failures.Take(5))}");
        return JobRunReport.Succeeded($"{due.Count} notification(s) envoyée(s).").With("sent", due.Count).With("failed", 0);
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failures: 1, 2, 4… minutes, at most one hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
