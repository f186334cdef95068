using ImpactEval.Collection.Observations;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Observations;

public class ObservationServiceTests
{
    // The teacher calls: F02's propreté rating at T1 was "Peu impliqué", not 4. The CPO corrects it by label; the
    // previous value stays in history with who, when and why, and the correction is audited.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CorrectAsync_ExistingValue_KeepsPreviousAsRevisionAndAudits(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        var service = new ObservationService(fixture.Db, fixture.Pseudonymiser);

        var outcome = await service.CorrectAsync("passerelles", "F02", "T1", "coop_proprete", "peu implique", null, "appel de l'enseignante", "cpo");

        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal("COOP_PROPRETE à la vague T1 : Très impliqué → Peu impliqué.", outcome.Message);
        var revision = Assert.Single(await fixture.Db.ObservationRevisions.ToListAsync());
        Assert.Equal((4.0, 2.0, "cpo", "appel de l'enseignante"), (revision.PreviousValue, revision.NewValue, revision.ChangedBy, revision.Reason));
        var audit = await fixture.Db.AuditEntries.SingleAsync(a => a.Action == "observation.correct");
        Assert.Contains(fixture.Pseudonym("F02"), audit.Subject);
        Assert.DoesNotContain("F02", audit.Subject + audit.Details);
    }

    // Values that cannot be right are refused with the reason, and nothing is written.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CorrectAsync_InvalidRequests_RefusedWithReason(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        var service = new ObservationService(fixture.Db, fixture.Pseudonymiser);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        Assert.Contains("n’est pas un niveau", (await service.CorrectAsync("passerelles", "F02", "T1", "COOP_PROPRETE", "5", null, "x", "cpo")).Message);
        Assert.Contains("n'est pas collecté à la vague T1", (await service.CorrectAsync("passerelles", "F02", "T1", "INFORME_ABSENCES", "oui", null, "x", "cpo")).Message);
        Assert.Contains("pas inscrit", (await service.CorrectAsync("passerelles", "F99", "T1", "COOP_PROPRETE", "2", null, "x", "cpo")).Message);
        Assert.Contains("motivée", (await service.CorrectAsync("passerelles", "F02", "T1", "COOP_PROPRETE", "2", null, " ", "cpo")).Message);
        Assert.Contains("rien n'a changé", (await service.CorrectAsync("passerelles", "F02", "T1", "COOP_PROPRETE", "4", null, "x", "cpo")).Message);
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
    }

    // F05 was never rated at T1; the rating arrives by phone and is added with its date.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CorrectAsync_MissingValue_IsAdded(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        var outcome = await new ObservationService(fixture.Db, fixture.Pseudonymiser)
            .CorrectAsync("passerelles", "F05", "T1", "ASSIDUITE", "87,5", new DateOnly(2025, 11, 3), "transmis par téléphone", "cpo");

        Assert.True(outcome.Done);
        var value = await fixture.Db.Observations.SingleAsync(o => o.Value == 87.5);
        Assert.Equal(new DateOnly(2025, 11, 3), value.CollectedOn);
        Assert.Empty(await fixture.Db.ObservationRevisions.ToListAsync());
    }
}
