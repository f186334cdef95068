using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Data.Tests;

public class ProtocolRegistryTests
{
    private const string Version1 = """
        id: essai
        title: "Essai"
        territory: { code: CE-999-05, name: "Cité fictive" }
        indicators:
          - code: NOTE
            label: "Note de coopération"
            level: impact
            type: ordinal
            levels: [{ value: 1, label: "Faible" }, { value: 2, label: "Moyenne" }, { value: 3, label: "Forte" }]
            waves: [T1]
          - code: PRESENCE
            label: "Présence"
            level: resultat
            type: continuous
            range: { min: 0, max: 100 }
            waves: [T1]
        groups:
          - { code: BEN, label: "Bénéficiaires", role: focal }
          - { code: TEM, label: "Témoins", role: comparison }
        waves:
          - { code: T1, label: "Fin d'année", date: 2026-06-12 }
        """;

    private static ProtocolLoadResult Load(string text) => ProtocolLoader.Load(text, "essai.yaml");

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Register_NewThenSameThenChanged_CreatesVersionsOnlyForChanges(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var registry = new ProtocolRegistry(db);

        var first = await registry.RegisterAsync(Load(Version1), "essai.yaml", "test");
        var same = await registry.RegisterAsync(Load(Version1), "essai.yaml", "test");
        var relabelled = await registry.RegisterAsync(Load(Version1.Replace("\"Présence\"", "\"Présence en classe\"")), "essai.yaml", "test");

        Assert.Equal((RegistrationStatus.Created, 1), (first.Status, first.Version));
        Assert.Equal((RegistrationStatus.Unchanged, 1), (same.Status, same.Version));
        Assert.Equal((RegistrationStatus.NewVersion, 2), (relabelled.Status, relabelled.Version));
        Assert.Equal(2, await db.ProtocolVersions.CountAsync());
        Assert.Equal("Présence en classe", (await db.Indicators.SingleAsync(i => i.Code == "PRESENCE")).Label);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "protocol.register"));
        var (protocol, version) = (await registry.LoadCurrentAsync("essai"))!.Value;
        Assert.Equal(2, version);
        Assert.Equal("Présence en classe", protocol.FindIndicator("PRESENCE")!.Label);
    }

    // A cité changes the 3-level rating into a 4-level one after teachers have already rated: the stored "3"
    // would silently change meaning. The change is refused with an explanation, and nothing is written.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Register_ScaleChangedWithObservations_IsRefusedAndWritesNothing(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var registry = new ProtocolRegistry(db);
        await registry.RegisterAsync(Load(Version1), "essai.yaml", "test");
        await AddObservationAsync(db, "NOTE", 3);

        var changed = Version1.Replace("{ value: 3, label: \"Forte\" }]", "{ value: 3, label: \"Forte\" }, { value: 4, label: \"Très forte\" }]");
        var outcome = await registry.RegisterAsync(Load(changed), "essai.yaml", "test");

        Assert.Equal(RegistrationStatus.Refused, outcome.Status);
        var refusal = Assert.Single(outcome.Refusals);
        Assert.Contains("NOTE", refusal);
        Assert.Contains("1 observation", refusal);
        Assert.Equal(1, await db.ProtocolVersions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Register_IndicatorWithDataRemoved_IsRefused(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var registry = new ProtocolRegistry(db);
        await registry.RegisterAsync(Load(Version1), "essai.yaml", "test");
        await AddObservationAsync(db, "PRESENCE", 92.5);

        var withoutPresence = Version1[..Version1.IndexOf("  - code: PRESENCE", StringComparison.Ordinal)] + Version1[Version1.IndexOf("groups:", StringComparison.Ordinal)..];
        var outcome = await registry.RegisterAsync(Load(withoutPresence), "essai.yaml", "test");

        Assert.Equal(RegistrationStatus.Refused, outcome.Status);
        Assert.Contains("PRESENCE", Assert.Single(outcome.Refusals));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Register_InvalidFile_WritesNothing(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();

        var outcome = await new ProtocolRegistry(db).RegisterAsync(Load(Version1.Replace("role: focal", "role: focale")), "essai.yaml", "test");

        Assert.Equal(RegistrationStatus.Invalid, outcome.Status);
        Assert.Equal(0, await db.Protocols.CountAsync());
        Assert.Equal(0, await db.Territories.CountAsync());
    }

    private static async Task AddObservationAsync(ImpactEvalDbContext db, string indicator, double value)
    {
        var protocol = await db.Protocols.SingleAsync();
        var participant = new Participant { TerritoryId = protocol.TerritoryId, Pseudonym = "PSEUDO", CreatedAt = DateTime.UtcNow };
        var enrolment = new Enrolment
        {
            Participant = participant, ProtocolId = protocol.Id, GroupId = (await db.Groups.FirstAsync()).Id, EnrolledOn = new DateOnly(2025, 9, 1), Status = "active",
        };
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync();
        db.Observations.Add(new Observation
        {
            EnrolmentId = enrolment.Id, WaveId = (await db.Waves.FirstAsync()).Id, IndicatorId = (await db.Indicators.SingleAsync(i => i.Code == indicator)).Id,
            Value = value, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
