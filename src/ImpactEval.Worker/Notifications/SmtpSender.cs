using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Data.Entities;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Notifications;

/// <summary>
/// Delivers one outbox message to the configured SMTP server (System.Net.Mail; no mail package is available here).
/// </summary>
/// <remarks>
/// The Message-ID is derived from the idempotency key, so the rare message sent twice (the process died between
/// the server's acceptance and the outbox update) carries the same Message-ID both times and mail clients that
/// deduplicate on it show it once. SMTP itself offers no exactly-once delivery.
/// </remarks>
public sealed class SmtpSender(IOptions<NotificationOptions> options)
{
    /// <summary>Sends the message; throws <see cref="SmtpException"/> (or an I/O error) when the server refuses or cannot be reached.</summary>
    /// <param name="message">The outbox message.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpEnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)settings.SmtpTimeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
            client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);

        using var mail = new MailMessage(new MailAddress(settings.From, settings.FromName, Encoding.UTF8), new MailAddress(message.Recipient))
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        mail.Headers.Add("Message-ID", MessageId(message.IdempotencyKey));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        await client.SendMailAsync(mail, cancellationToken);
    }

    /// <summary>The Message-ID header for an idempotency key: stable, so a re-sent message can be recognised.</summary>
    public static string MessageId(string idempotencyKey) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}@impacteval>";
}
