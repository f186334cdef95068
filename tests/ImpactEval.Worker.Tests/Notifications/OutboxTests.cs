using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Notifications;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Worker.Tests.Notifications;

public class OutboxTests
{
    // A reminder job is retried after a crash and raises the same reminders again: each recipient must still get
    // one e-mail, whichever database the cité uses.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Enqueue_SameKeyTwice_StoresOnce(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var outbox = new Outbox(db, TimeProvider.System);
        OutgoingMessage[] reminders =
        [
            new("reminder:campagne-1:J-7:cpo@valbrune.example", "reminder", "cpo@valbrune.example", "Rappel : saisie attendue", "Bonjour, …"),
            new("reminder:campagne-1:J-7:ecole@valbrune.example", "reminder", "ecole@valbrune.example", "Rappel : saisie attendue", "Bonjour, …"),
        ];

        Assert.Equal(2, await outbox.EnqueueAsync(reminders));
        Assert.Equal(0, await outbox.EnqueueAsync(reminders));
        Assert.Equal(0, await outbox.EnqueueAsync([reminders[0] with { Body = "autre texte" }]));

        Assert.Equal(2, await db.OutboxMessages.CountAsync());
        var stored = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
        Assert.Equal("Bonjour, …", stored.Body);
        Assert.Null(stored.SentAt);
        Assert.False(stored.GaveUp);
    }
}
