using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests;

public class DatasetBuilderTests
{
    // A comparison family (EAJE) joins PasserelleS after enrolment: intention to treat keeps it in EAJE (the default, and
    // the fingerprint of stored estimates does not move); "as treated" counts it in BEN and is a different dataset.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_GroupChanged_IntentionToTreatByDefaultAsTreatedOnRequest(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        await new ProtocolRegistry(db).RegisterFileAsync(DemoData.ProtocolPath(), "tests");
        var (protocol, version) = (await new ProtocolRegistry(db).LoadCurrentAsync("passerelles"))!.Value;
        var pseudonymiser = new Pseudonymiser(PseudonymKey.FromBase64(Convert.ToBase64String(new byte[32])));
        var csv = "identifiant;groupe;ecole;date_inscription\nA;BEN;E01;01/04/2025\nB;EAJE;E01;01/04/2025\nC;ELOIGNE;E02;01/04/2025\n";
        await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "i.csv", new ImportOptions("tests"));
        var before = await new DatasetBuilder(db).BuildAsync(protocol, version);

        var change = await new CohortService(db, pseudonymiser).ChangeGroupAsync("passerelles", "B", "BEN", new DateOnly(2025, 6, 1), "inscrite à PasserelleS", "cpo");
        var itt = await new DatasetBuilder(db).BuildAsync(protocol, version);
        var asTreated = await new DatasetBuilder(db).BuildAsync(protocol, version, GroupAssignment.AsTreated);

        Assert.True(change.Applied, change.Message);
        Assert.Equal(["BEN", "EAJE", "ELOIGNE"], itt.Groups.ToArray());
        Assert.Equal(["BEN", "BEN", "ELOIGNE"], asTreated.Groups.ToArray());
        Assert.Equal((GroupAssignment.IntentionToTreat, GroupAssignment.AsTreated), (itt.Assignment, asTreated.Assignment));
        Assert.Equal(before.Fingerprint, itt.Fingerprint);
        Assert.NotEqual(itt.Fingerprint, asTreated.Fingerprint);
    }
}
