using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Observations;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Rights;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using ImpactEval.Worker.Scheduling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Worker.Tests.Scheduling;

public class ChangeFeedTests
{
    // Data reaches the store by several paths, not only imports: a family moves away (status change), a rating is
    // corrected by hand, a family has its data erased. Each must make the worker recompute the protocol; reading again
    // without change finds nothing.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ReadAsync_ImportsStatusChangeAndCorrection_EachNamesTheProtocolOnce(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var demo = await DemoData.LoadAsync(store, families: 40);
        await using var db = await store.OpenAsync();
        var passerelles = await db.Protocols.Where(p => p.Code == "passerelles").Select(p => p.Id).SingleAsync();
        var pseudonymiser = new Pseudonymiser(PseudonymKey.LoadOrCreate(Path.Combine(store.Options.DataDirectory, "pseudonymisation.key")));
        var family = demo.Cohort.Participants.First(p => p.Waves.ContainsKey("T1"));
        async Task<IReadOnlySet<int>> ReadAsync()
        {
            var changed = await new ChangeFeed(db).ReadAsync(DateTime.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            return changed;
        }

        var first = await ReadAsync();              // the demo's imports, read from the beginning
        var nothing = await ReadAsync();
        var moved = await new CohortService(db, pseudonymiser).ChangeStatusAsync("passerelles", family.Identifier, EnrolmentStatus.MovedAway,
            family.EnrolledOn.AddDays(30), "déménagement", "tests");
        var afterMove = await ReadAsync();
        var corrected = await new ObservationService(db, pseudonymiser).CorrectAsync("passerelles", family.Identifier, "T1", "ASSIDUITE", "55",
            null, "erreur de saisie, vérifiée avec l'enseignante", "tests");
        var afterCorrection = await ReadAsync();
        var erased = await new ParticipantRights(db, pseudonymiser).EraseAsync(demo.Protocol.TerritoryCode, family.Identifier, "demande de la famille", "tests");
        var afterErasure = await ReadAsync();

        Assert.Equal([passerelles], first);
        Assert.Empty(nothing);
        Assert.True(moved.Applied, moved.Message);
        Assert.Equal([passerelles], afterMove);
        Assert.True(corrected.Done, corrected.Message);
        Assert.Equal([passerelles], afterCorrection);
        Assert.True(erased.Done, erased.Message);
        Assert.Equal([passerelles], afterErasure);
        Assert.Empty(await ReadAsync());
    }
}
