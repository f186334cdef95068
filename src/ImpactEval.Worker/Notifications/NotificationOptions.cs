namespace ImpactEval.Worker.Notifications;

/// <summary>
/// Where notifications go and how they are delivered. Bound from the "Notifications" configuration section.
/// Without <see cref="SmtpHost"/>, notifications are still written to the outbox (and visible there) but
/// nothing is sent.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Notifications";

    /// <summary>Addresses told when a job fails for good (e.g. the platform's operators). Empty: failures are only recorded.</summary>
    public List<string> Operators { get; set; } = [];

    /// <summary>The SMTP server's host name; empty disables delivery.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP server's port. Default 25.</summary>
    public int SmtpPort { get; set; } = 25;

    /// <summary>Whether to use STARTTLS (required by most relays on port 587). Default false.</summary>
    public bool SmtpEnableSsl { get; set; }

    /// <summary>The SMTP account, if the server requires authentication.</summary>
    public string? SmtpUserName { get; set; }

    /// <summary>The SMTP account's password (prefer an environment variable: IMPACTEVAL_Notifications__SmtpPassword).</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>The sender address. Default "impacteval@localhost".</summary>
    public string From { get; set; } = "impacteval@localhost";

    /// <summary>The sender's display name. Default "ImpactEval".</summary>
    public string FromName { get; set; } = "ImpactEval";

    /// <summary>How often the outbox is delivered. Default 10 seconds.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one SMTP exchange may take. Default 30 seconds.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed deliveries a message is given up (and stays visible in the outbox). Default 8.</summary>
    public int MaxDeliveryAttempts { get; set; } = 8;

    /// <summary>Whether an SMTP server is configured.</summary>
    public bool DeliveryEnabled => !string.IsNullOrWhiteSpace(SmtpHost);
}
