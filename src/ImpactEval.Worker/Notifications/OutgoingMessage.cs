namespace ImpactEval.Worker.Notifications;

/// <summary>A notification to put in the outbox.</summary>
/// <param name="IdempotencyKey">
/// Identifies the notification for this recipient; raising it again (a retried or recovered job) stores nothing.
/// </param>
/// <param name="Kind">What kind of notification ("reminder", "job-failure"…).</param>
/// <param name="Recipient">The e-mail address.</param>
/// <param name="Subject">Subject line, in French.</param>
/// <param name="Body">Plain-text body, in French.</param>
public sealed record OutgoingMessage(string IdempotencyKey, string Kind, string Recipient, string Subject, string Body);
