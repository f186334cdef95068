namespace ImpactEval.Data.Entities;

/// <summary>
/// An e-mail waiting to be delivered (reminder, failure alert). Written in the same store as the work that
/// raised it, delivered later by SMTP; the idempotency key makes raising the same notification twice a no-op.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>
    /// Identifies the notification and its recipient (e.g. "reminder:campaign-12:J-7:cpo@ville.fr"): a second
    /// message with the same key is never stored, whichever process or retry raises it.
    /// </summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>What kind of notification ("reminder", "job-failure"…).</summary>
    public required string Kind { get; set; }

    /// <summary>The recipient's e-mail address.</summary>
    public required string Recipient { get; set; }

    /// <summary>Subject line (French).</summary>
    public required string Subject { get; set; }

    /// <summary>Plain-text body (French).</summary>
    public required string Body { get; set; }

    /// <summary>When the notification was raised (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the SMTP server accepted it (UTC), null until then.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time (UTC) is the next delivery attempt made (back-off after a failure).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The last delivery error, if any.</summary>
    public string? LastError { get; set; }

    /// <summary>True when delivery was given up after too many attempts.</summary>
    public bool GaveUp { get; set; }
}
