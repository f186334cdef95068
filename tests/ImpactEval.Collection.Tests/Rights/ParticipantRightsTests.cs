using System.Text.Json;
using ImpactEval.Analysis;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Identity;
using ImpactEval.Collection.Import;
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

    // Break 7 of issue 10: after an erasure, re-importing the cité's usual files silently re-created the family. Now the
    // enrolment file and the observation file are both refused at the family's line with the day of the erasure —
    // also when the identifier is written in another case — and nothing is written.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EraseAsync_ThenSameFilesImported_RefusedWithLineAndErasureDate(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        Assert.True((await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).EraseAsync("CE-999-01", "F03", "demande de la famille", "dpo")).Done);
        var tombstone = await fixture.Db.ErasedParticipants.SingleAsync();
        Assert.Equal((fixture.Pseudonym("F03"), DateOnly.FromDateTime(DateTime.UtcNow)), (tombstone.Pseudonym, tombstone.ErasedOn));
        var before = await StoreCounts.ReadAsync(fixture.Db);
        var day = Core.Text.FrenchDate.Format(tombstone.ErasedOn);

        var enrolments = await new EnrolmentImporter(fixture.Db, fixture.Pseudonymiser).ImportAsync(fixture.Protocol, CohortFixture.Csv(CohortFixture.Enrolments), "inscriptions.csv", new ImportOptions("cpo"));
        var lowerCase = await new EnrolmentImporter(fixture.Db, fixture.Pseudonymiser).ImportAsync(fixture.Protocol,
            CohortFixture.Csv(CohortFixture.Enrolments.Replace("F03", "f03")), "inscriptions.csv", new ImportOptions("cpo"));
        var observations = await fixture.ImportObservationsAsync(CohortFixture.T1, "T1.csv");

        foreach (var result in new[] { enrolments, lowerCase, observations })
        {
            var problem = Assert.Single(result.Problems);
            Assert.Equal((4, 1), (problem.Line, problem.Column));
            Assert.Contains($"a été effacé le {day} (droit à l’effacement)", problem.Message);
        }
        Assert.Contains("--reinscrire", enrolments.Problems[0].Hint);
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
    }

    // The family of F03 gives a new consent after its erasure: the explicit re-enrolment creates a new participant (with
    // none of the erased data), removes the tombstone and is audited with the erasure's day.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EraseAsync_ThenReenrolledAfterNewConsent_CreatedAndAudited(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).EraseAsync("CE-999-01", "F03", "demande de la famille", "dpo");
        var observations = await fixture.Db.Observations.CountAsync();

        var result = await new EnrolmentImporter(fixture.Db, fixture.Pseudonymiser).ImportAsync(fixture.Protocol, CohortFixture.Csv(CohortFixture.Enrolments),
            "inscriptions.csv", new ImportOptions("cpo", Reenrol: true));

        Assert.True(result.Written, string.Join("\n", result.Problems));
        Assert.Equal((1, 8), (result.Inserted, result.Unchanged));
        Assert.Equal(0, await fixture.Db.ErasedParticipants.CountAsync());
        var audit = await fixture.Db.AuditEntries.SingleAsync(a => a.Action == TerritoryParticipants.ReenrolmentAction);
        Assert.Equal(("cpo", $"participant {fixture.Pseudonym("F03")}"), (audit.Actor, audit.Subject));
        Assert.Contains("inscriptions.csv, ligne 4", audit.Details);
        Assert.Contains($"effacé le {Core.Text.FrenchDate.Format(DateOnly.FromDateTime(DateTime.UtcNow))}", audit.Details);
        Assert.Equal(observations, await fixture.Db.Observations.CountAsync());
    }

    // Break 7 of issue 10: the free text of an erased enrolment (its reason, which may describe the family) stayed
    // readable in the SQLite file's free pages until a VACUUM. With secure_delete and the log truncated after the
    // erasure, the bytes of the database file and of its write-ahead log no longer contain it.
    [Fact]
    public async Task EraseAsync_Sqlite_ErasedTextNotInTheDatabaseFiles()
    {
        await using var fixture = await CohortFixture.EnrolledAsync(StoreProvider.Sqlite);
        const string secret = "Orientation PMI - situation familiale 7QX2 confidentielle";
        var file = $"identifiant;groupe;ecole;date_inscription;motif\nF10;BEN;E01;01/04/2025;{secret}\nF11;BEN;E01;01/04/2025;orientation école";
        Assert.True((await new EnrolmentImporter(fixture.Db, fixture.Pseudonymiser).ImportAsync(fixture.Protocol, CohortFixture.Csv(file), "f10.csv", new ImportOptions("cpo"))).Written);
        var database = Path.Combine(fixture.Store.Options.DataDirectory, "impacteval.db");
        await fixture.Db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.True(Contains(database, secret), "the scan must see the text before the erasure");

        Assert.True((await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).EraseAsync("CE-999-01", "F10", "demande de la famille", "dpo")).Done);
        await fixture.Db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");

        Assert.False(Contains(database, secret));
        Assert.False(Contains(database + "-wal", secret));
        Assert.Equal("orientation école", (await fixture.Db.Enrolments.SingleAsync(e => e.Reason != null)).Reason);
    }

    // On PostgreSQL the erased rows are reclaimed by a VACUUM of the tables that held them, run after the erasure's commit.
    [Fact]
    public async Task EraseAsync_PostgreSql_VacuumsTheTablesThatHeldTheParticipant()
    {
        await using var fixture = await CohortFixture.CollectedAsync(StoreProvider.PostgreSql);

        Assert.True((await new ParticipantRights(fixture.Db, fixture.Pseudonymiser).EraseAsync("CE-999-01", "F03", "demande de la famille", "dpo")).Done);

        var vacuumed = await fixture.Db.Database.SqlQueryRaw<string>(
            "SELECT relname AS \"Value\" FROM pg_stat_user_tables WHERE vacuum_count > 0 ORDER BY relname").ToListAsync();
        Assert.Equal(Data.ErasedDataCleanup.Tables.Split(", ").Order(StringComparer.Ordinal), vacuumed);
    }

    private static bool Contains(string path, string text)
    {
        if (!File.Exists(path)) return false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
