using System.Text.Json;
using ImpactEval.Analysis;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Observations;
using ImpactEval.Collection.Rights;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Rights;

public class ParticipantRightsTests
{
    // A family asks what is held about them (access right): everything about F06 — enrolment, the move to BEN, the
    // ratings with their correction — comes out as JSON with French keys, without the cité's identifier, and the export is audited.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ExportAsync_EnrolledFamily_GivesEverythingHeldAndAudits(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        await new CohortService(fixture.Db, fixture.Pseudonymiser).ChangeGroupAsync("passerelles", "F06", "BEN", new DateOnly(2025, 11, 3), "inscrite", "cpo");
        await new ObservationService(fixture.Db, fixture.Pseudonymiser).CorrectAsync("passerelles", "F06", "T1", "ASSIDUITE", "82", null, "registre vérifié", "cpo");

        var export = (await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).ExportAsync("CE-999-01", "F06", "dpo"))!;

        Assert.Equal((1, 4), (export.Enrolments, export.Observations));
        Assert.DoesNotContain("F06", export.Json);
        using var json = JsonDocument.Parse(export.Json);
        var root = json.RootElement;
        Assert.Equal(fixture.Pseudonym("F06"), root.GetProperty("pseudonyme").GetString());
        var enrolment = root.GetProperty("inscriptions")[0];
        Assert.Equal(("EAJE", "BEN", "E02"), (enrolment.GetProperty("groupe_inscription").GetProperty("code").GetString(),
            enrolment.GetProperty("groupe_actuel").GetProperty("code").GetString(), enrolment.GetProperty("ecole").GetString()));
        var attendance = enrolment.GetProperty("observations").EnumerateArray().Single(o => o.GetProperty("indicateur").GetString() == "ASSIDUITE" && o.GetProperty("vague").GetString() == "T1");
        Assert.Equal(82, attendance.GetProperty("valeur").GetDouble());
        Assert.Equal(81.5, attendance.GetProperty("corrections")[0].GetProperty("ancienne_valeur").GetDouble());
        var rating = enrolment.GetProperty("observations").EnumerateArray().First(o => o.GetProperty("indicateur").GetString() == "COOP_PROPRETE");
        Assert.Equal("Plutôt impliqué", rating.GetProperty("texte").GetString());
        Assert.Equal(["cohort.group", "observation.correct"], root.GetProperty("journal").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.Equal(1, await fixture.Db.AuditEntries.CountAsync(a => a.Action == "participant.export" && a.Actor == "dpo"));
        Assert.Null(await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).ExportAsync("CE-999-01", "F99", "dpo"));
    }

    // A family asks to be erased: F03 disappears everywhere (participant, enrolment, observations, revisions, history),
    // nobody else is touched, the erasure is audited, and the estimates are recomputed rather than reused.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EraseAsync_EnrolledFamily_RemovedEverywhereAndEstimatesRecomputed(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        await new ObservationService(fixture.Db, fixture.Pseudonymiser).CorrectAsync("passerelles", "F03", "T1", "ASSIDUITE", "76", null, "registre", "cpo");
        await new CohortService(fixture.Db, fixture.Pseudonymiser).ChangeStatusAsync("passerelles", "F03", EnrolmentStatus.MovedAway, new DateOnly(2026, 2, 1), null, "cpo");
        var first = await new EstimateService(fixture.Db).ComputeAsync("passerelles", "tests");
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var outcome = await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).EraseAsync("CE-999-01", "F03", "demande de la famille", "dpo");

        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal((1, 2), (outcome.Enrolments, outcome.Observations));
        var after = await StoreCounts.ReadAsync(fixture.Db);
        Assert.Equal(before with { Participants = 8, Enrolments = 8, Observations = before.Observations - 2, Revisions = 0, Audit = before.Audit + 1 }, after);
        Assert.Equal(0, await fixture.Db.EnrolmentStatusChanges.CountAsync());
        Assert.False(await fixture.Db.Participants.AnyAsync(p => p.Pseudonym == fixture.Pseudonym("F03")));
        var second = await new EstimateService(fixture.Db).ComputeAsync("passerelles", "tests");
        Assert.False(second.Reused);
        Assert.NotEqual(first.Results.DataFingerprint, second.Results.DataFingerprint);
        Assert.Equal(8, second.Results.Participants);
        Assert.False((await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).EraseAsync("CE-999-01", "F03", "doublon", "dpo")).Done);
    }
}
