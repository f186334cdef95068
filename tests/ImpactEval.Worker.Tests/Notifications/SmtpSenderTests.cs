using ImpactEval.Data.Entities;
using ImpactEval.Worker.Notifications;
using ImpactEval.Worker.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace ImpactEval.Worker.Tests.Notifications;

public class SmtpSenderTests
{
    // A reminder in French (accents, guillemets, apostrophes) must reach the school's address intact.
    [Fact]
    public async Task SendAsync_FrenchMessage_ArrivesWithRecipientSubjectAndBodyIntact()
    {
        await using var sink = new SmtpSink();
        var sender = new SmtpSender(Options.Create(new NotificationOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = sink.Port, From = "impacteval@valbrune.example", FromName = "ImpactEval Valbrune",
        }));
        var message = new OutboxMessage
        {
            IdempotencyKey = "reminder:42:J-1:directrice@ecole-jaures.example", Kind = "reminder", Recipient = "directrice@ecole-jaures.example",
            Subject = "Rappel : la campagne « Vague T2 » se clôt demain",
            Body = "Bonjour,\n\nIl reste 3 fiches à saisir pour l'école Jean-Jaurès. Merci d'avance !\n— L'équipe de la cité éducative",
        };

        await sender.SendAsync(message, CancellationToken.None);

        var mail = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(5)));
        Assert.Equal(["directrice@ecole-jaures.example"], mail.Recipients);
        Assert.Equal("impacteval@valbrune.example", mail.From);
        Assert.Equal(message.Subject, mail.Subject);
        Assert.Equal(message.Body.ReplaceLineEndings("\n"), mail.Body.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal(SmtpSender.MessageId(message.IdempotencyKey), mail.Headers["message-id"]);
    }
}
