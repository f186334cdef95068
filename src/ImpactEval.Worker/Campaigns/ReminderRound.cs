namespace ImpactEval.Worker.Campaigns;

/// <summary>What one round of reminders did.</summary>
/// <param name="Owing">Respondents of the round's territories that still owe data.</param>
/// <param name="Due">Of those, respondents for whom a reminder stage has come.</param>
/// <param name="Queued">E-mails newly put in the outbox (a reminder already raised is not queued again).</param>
/// <param name="WithoutAddress">Respondents due a reminder but with no address configured ("CE-999-01/E05").</param>
public sealed record ReminderRound(int Owing, int Due, int Queued, IReadOnlyList<string> WithoutAddress);
