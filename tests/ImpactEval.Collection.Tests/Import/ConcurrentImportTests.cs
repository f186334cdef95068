using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Collection.Tests.Import;

/// <summary>Imports run at the same moment by two processes (two contexts on their own connections) on a real store.</summary>
public class ConcurrentImportTests
{
    private static readonly Pseudonymiser Pseudonymiser = new(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));

    /// <summary>The demo cohort (900 families, seed <see cref="PasserelleSCohort.DemoSeed"/>) registered in a new store, and its files.</summary>
    private static async Task<(Model.Protocol Protocol, IReadOnlyList<string> Files)> DemoFilesAsync(TestStore store, ulong seed = PasserelleSCohort.DemoSeed)
    {
        await using var db = await store.OpenAsync();
        await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath(), "tests");
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync("passerelles"))!.Value.Protocol;
        return (protocol, CohortFiles.Write(protocol, PasserelleSCohort.Generate(seed).Participants, Path.Combine(store.Options.DataDirectory, $"files-{seed}")));
    }

    /// <summary>Runs <paramref name="import"/> twice at once, each on its own context.</summary>
    private static async Task<ImportResult[]> TwiceAtOnceAsync(TestStore store, Func<ImpactEvalDbContext, Task<ImportResult>> import)
    {
        await using var first = await store.OpenAsync();
        await using var second = await store.OpenAsync();
        using var start = new Barrier(2);
        return await Task.WhenAll(new[] { first, second }.Select(db => Task.Run(() =>
        {
            start.SignalAndWait();
            return import(db);
        })));
    }

    // Break 3 of issue 10: a cité's T1 file is corrected (another draw of the same 900 families' ratings) and two
    // colleagues import it at the same moment. On PostgreSQL both imports used to succeed, recording every revision
    // twice, with two import records and two audit entries. Now the second waits for the first, finds every value already
    // there and says it was already imported: one set of revisions, one import record, one audit entry.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportObservations_SameCorrectedFileTwiceAtOnce_OneSetOfRevisionsAndAlreadyImported(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (protocol, files) = await DemoFilesAsync(store);
        var (_, corrected) = await DemoFilesAsync(store, seed: 7);
        await using (var db = await store.OpenAsync())
        {
            Assert.True((await new EnrolmentImporter(db, Pseudonymiser).ImportAsync(protocol, File.OpenRead(files[0]), "enrolments.csv", new ImportOptions("cpo"))).Written);
            Assert.True((await new ObservationImporter(db, Pseudonymiser).ImportAsync(protocol, File.OpenRead(files[1]), "observations-T1.csv", new ImportOptions("cpo"))).Written);
        }
        var bytes = await File.ReadAllBytesAsync(corrected[1]);

        var results = await TwiceAtOnceAsync(store, db =>
            new ObservationImporter(db, Pseudonymiser).ImportAsync(protocol, new MemoryStream(bytes), "observations-T1-corrige.csv", new ImportOptions("cpo")));

        Assert.All(results, r => Assert.True(r.Accepted, string.Join("\n", r.Problems.Take(3))));
        var winner = Assert.Single(results, r => r.Written);
        var loser = Assert.Single(results, r => !r.Written);
        Assert.NotNull(loser.AlreadyImportedAt);
        Assert.Equal((0, 0), (loser.Inserted, loser.Updated));
        await using var check = await store.OpenAsync();
        Assert.True(winner.Updated > 1000, $"{winner.Updated} corrections");
        Assert.Equal(winner.Updated, await check.ObservationRevisions.CountAsync());
        Assert.Equal(2, await check.Imports.CountAsync(i => i.Kind == "observations"));
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "import.observations"));
    }

    // Break 3 of issue 10: the first enrolment file of a cité imported twice at once. On PostgreSQL the losing process
    // failed with EF Core's English unique-violation message (23505). Now it waits, then finds the 900 enrolments there.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportEnrolments_FirstFileTwiceAtOnce_OneWritesTheOtherFindsItAlreadyImported(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (protocol, files) = await DemoFilesAsync(store);
        var bytes = await File.ReadAllBytesAsync(files[0]);

        var results = await TwiceAtOnceAsync(store, db =>
            new EnrolmentImporter(db, Pseudonymiser).ImportAsync(protocol, new MemoryStream(bytes), "enrolments.csv", new ImportOptions("cpo")));

        Assert.Equal(900, Assert.Single(results, r => r.Written).Inserted);
        Assert.NotNull(Assert.Single(results, r => !r.Written).AlreadyImportedAt);
        await using var check = await store.OpenAsync();
        Assert.Equal((900, 900, 1), (await check.Participants.CountAsync(), await check.Enrolments.CountAsync(), await check.Imports.CountAsync()));
    }

    // The lock is per protocol: while an import of passerelles holds it, the aggregated values of another protocol are
    // imported at once, and an observation import of passerelles waits until the holder commits.
    [Fact]
    public async Task StoreLock_HeldForOneProtocol_OtherProtocolsProceed()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        var (protocol, files) = await DemoFilesAsync(store);
        Model.Protocol national;
        await using (var db = await store.OpenAsync())
        {
            await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath("revue-de-projet.yaml"), "tests");
            national = (await new ProtocolRegistry(db).LoadCurrentAsync("revue-de-projet"))!.Value.Protocol;
            Assert.True((await new EnrolmentImporter(db, Pseudonymiser).ImportAsync(protocol, File.OpenRead(files[0]), "enrolments.csv", new ImportOptions("cpo"))).Written);
        }
        var values = RevueDeProjetCampaign.Generate(RevueDeProjetCampaign.DemoSeed, 5);
        await using var holder = await store.OpenAsync();
        await using var held = await holder.Database.BeginTransactionAsync();
        var passerellesId = await holder.Protocols.Where(p => p.Code == "passerelles").Select(p => p.Id).SingleAsync();
        await StoreLock.TakeAsync(holder, StoreLock.Protocol, passerellesId);

        await using var waiting = await store.OpenAsync();
        var blocked = new ObservationImporter(waiting, Pseudonymiser).ImportAsync(protocol, File.OpenRead(files[1]), "observations-T1.csv", new ImportOptions("cpo"));
        await using var other = await store.OpenAsync();
        var parallel = await new AggregateValueImporter(other).ImportAsync(national, CohortFixture.Csv(RevueDeProjetCampaign.Csv(values)), "revue.csv",
            new ImportOptions("anct", CreateTerritories: true)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(parallel.Written, string.Join("\n", parallel.Problems.Take(3)));
        await Task.WhenAny(blocked, Task.Delay(TimeSpan.FromSeconds(3)));
        Assert.False(blocked.IsCompleted);
        await held.CommitAsync();
        Assert.True((await blocked.WaitAsync(TimeSpan.FromSeconds(60))).Written);
    }
}
