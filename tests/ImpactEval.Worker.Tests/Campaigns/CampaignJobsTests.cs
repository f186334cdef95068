using System.Collections.Immutable;
using ImpactEval.Collection.Campaigns;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit;

namespace ImpactEval.Worker.Tests.Campaigns;

public class CampaignJobsTests
{
    private static readonly DateOnly Today = new(2026, 6, 11); // the day before the T2 campaign closes

    /// <summary>The demo cité (zone C) with an address per school and one for the CPO.</summary>
    public static ContactDirectory Contacts(char zone = 'C') => new(Options.Create(new ContactOptions
    {
        Territories =
        {
            ["CE-999-01"] = new TerritoryContacts
            {
                HolidayZone = zone.ToString(),
                Emails = ["cpo@valbrune.example"],
                Schools = Enumerable.Range(1, 8).ToDictionary(i => $"E{i:00}", i => new List<string> { $"direction.e{i:00}@ecole.example" }),
            },
        },
    }));

    private static CampaignDefinition WaveT2(string code, DateOnly opens, DateOnly closes, int? expiry) =>
        new(code, "Vague T2 — fin de petite section", "passerelles", "T2", null, opens, closes, expiry, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    // The day before a wave campaign closes, each school that still owes observations gets one reminder, in
    // French, at its own address; running the round again (a retry, a second node, a restart) sends nothing more.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task QueueAsync_DayBeforeClosing_OneFrenchReminderPerOwingSchoolOnce(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 60);
        await using var db = await store.OpenAsync();
        Assert.True((await new CampaignService(db).CreateAsync(WaveT2("passerelles-T2", Today.AddDays(-20), Today.AddDays(1), 10), "coordination", Today)).Done);
        var owing = (await new CampaignService(db).OwingAsync(Today)).Where(o => o.Cluster is not null).ToList();

        var first = await new CampaignReminders(db, Contacts(), TimeProvider.System).QueueAsync('C', Today);
        var again = await new CampaignReminders(db, Contacts(), TimeProvider.System).QueueAsync('C', Today);
        var otherZone = await new CampaignReminders(db, Contacts(), TimeProvider.System).QueueAsync('A', Today);

        Assert.NotEmpty(owing);
        Assert.Equal(owing.Count, first.Queued);
        Assert.Equal(0, again.Queued);
        Assert.Equal(0, otherZone.Due);
        var messages = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Recipient).ToListAsync();
        Assert.Equal(owing.Select(o => $"direction.{o.Cluster!.ToLowerInvariant()}@ecole.example").Order(), messages.Select(m => m.Recipient));
        var e01 = owing.First();
        var mail = messages.First(m => m.Recipient == $"direction.{e01.Cluster!.ToLowerInvariant()}@ecole.example");
        Assert.Equal("[ImpactEval] Rappel : la campagne « Vague T2 — fin de petite section » se clôt demain", mail.Subject);
        Assert.Contains($"Il manque encore {e01.Missing} saisie(s) sur {e01.Expected} attendue(s) pour l'école {e01.Cluster} (CE-999-01).", mail.Body);
        Assert.Contains("se clôt le vendredi 12 juin 2026 au soir", mail.Body);
    }

    // At midnight the calendar pass opens a campaign whose opening day has come (announced to every school) and
    // locks one whose late period is over (the CPO is told); a second pass the same day changes and sends nothing.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task AdvanceAsync_OpeningAndLockDue_RecordsStatesAndAnnouncesOnce(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 60);
        await using var db = await store.OpenAsync();
        var created = Today.AddDays(-40); // both created long ago, when they were still planned
        var service = new CampaignService(db);
        Assert.True((await service.CreateAsync(WaveT2("passerelles-T2", Today, Today.AddDays(20), 10), "coordination", created)).Done);
        Assert.True((await service.CreateAsync(WaveT2("passerelles-T2-rattrapage", Today.AddDays(-30), Today.AddDays(-20), 5), "coordination", created)).Done);

        var round = await new CampaignLifecycle(db, Contacts(), TimeProvider.System).AdvanceAsync(Today, "worker:test");
        var again = await new CampaignLifecycle(db, Contacts(), TimeProvider.System).AdvanceAsync(Today, "worker:test");

        Assert.Equal([("passerelles-T2", CampaignState.Open), ("passerelles-T2-rattrapage", CampaignState.Locked)], round.Transitions.Select(t => (t.Campaign, t.To)).Order());
        Assert.Empty(again.Transitions);
        Assert.Equal(0, again.Queued);
        Assert.Equal(["locked", "open"], await db.Campaigns.OrderBy(c => c.State).Select(c => c.State).ToListAsync());
        var messages = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.Equal(round.Queued, messages.Count);
        var locked = Assert.Single(messages, m => m.Kind == "campaign-locked");
        Assert.Equal("cpo@valbrune.example", locked.Recipient);
        Assert.Contains("est désormais verrouillée", locked.Body);
        Assert.Contains(messages, m => m.Kind == "campaign-open");
        Assert.All(messages.Where(m => m.Kind == "campaign-open"), m =>
        {
            Assert.EndsWith("@ecole.example", m.Recipient);
            Assert.Equal("[ImpactEval] Ouverture de la campagne « Vague T2 — fin de petite section »", m.Subject);
        });
    }
}
