using ImpactEval.Collection.Identity;
using ImpactEval.Collection.Import;
using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Identity;

/// <summary>Who the rows of an enrolment file are: the case-insensitive, NFC-normalised identity of people (break 6 of issue 10).</summary>
public class TerritoryParticipantsTests
{
    private static Task<ImportResult> EnrolAsync(CohortFixture fixture, string text, string name, ImportOptions? options = null) =>
        new EnrolmentImporter(fixture.Db, fixture.Pseudonymiser).ImportAsync(fixture.Protocol, CohortFixture.Csv(text), name, options ?? new ImportOptions("tests"));

    // Break 6 of issue 10: the CPO re-sends the enrolment file after a spreadsheet lower-cased every identifier. Before,
    // nine new participants were created next to the nine enrolled; now the file is refused, each line naming the
    // identifier as written, and nothing is written.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Enrol_LowerCasedIdentifiers_RefusedWithLineColumnAndIdentifier(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await EnrolAsync(fixture, CohortFixture.Enrolments.Replace("\nF0", "\nf0"), "inscriptions-minuscules.csv");

        Assert.False(result.Accepted);
        Assert.Equal(Enumerable.Range(2, 9), result.Problems.Select(p => p.Line));
        var first = result.Problems[0];
        Assert.Equal(("inscriptions-minuscules.csv", 1, "identifiant"), (first.File, first.Column, first.ColumnName));
        Assert.Contains("L’identifiant «\u202Ff01\u202F» ne diffère que par la casse de celui d’un participant déjà enregistré", first.Message);
        Assert.StartsWith("inscriptions-minuscules.csv, ligne 2, colonne 1 (identifiant)\u202F: ", first.ToString());
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
    }

    // Break 6 of issue 10: "É" typed as one character, then as "E" + combining accent (as some Mac tools save it), is the
    // same family: the second file matches the enrolled participants instead of creating new ones.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Enrol_SameIdentifiersInDecomposedUnicode_MatchesTheEnrolledParticipants(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        const string composed = """
            identifiant;groupe;ecole;date_inscription
            \u00C9LO-01;BEN;E01;01/04/2025
            J\u00C9R\u00D4ME-02;EAJE;E02;02/04/2025
            """;
        Assert.Equal(2, (await EnrolAsync(fixture, composed, "accents-nfc.csv")).Inserted);
        var participants = await fixture.Db.Participants.CountAsync();

        var result = await EnrolAsync(fixture, composed.Normalize(System.Text.NormalizationForm.FormD), "accents-nfd.csv");

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal((0, 2), (result.Inserted, result.Unchanged));
        Assert.Equal(participants, await fixture.Db.Participants.CountAsync());
    }

    // Two rows of one file for the same family, written "F10" and "f10": refused, naming both lines.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Enrol_TwoRowsDifferingOnlyByCase_RefusedNamingBothLines(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var before = await StoreCounts.ReadAsync(fixture.Db);

        var result = await EnrolAsync(fixture, """
            identifiant;groupe;ecole;date_inscription
            F10;BEN;E01;01/04/2025
            F11;EAJE;E02;02/04/2025
            f10;BEN;E01;01/04/2025
            """, "nouvelles.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((4, 1), (problem.Line, problem.Column));
        Assert.Contains("«\u202Ff10\u202F» ne diffère que par la casse de celui de la ligne 2 («\u202FF10\u202F»)", problem.Message);
        Assert.Equal(before, await StoreCounts.ReadAsync(fixture.Db));
    }

    // An observation file with a lower-cased identifier: refused at that cell with the reason, not "not enrolled".
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportObservations_CaseVariantOfEnrolled_RefusedAtTheCell(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);

        var result = await fixture.ImportObservationsAsync(CohortFixture.T1.Replace("\nF04", "\nf04"), "T1.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((5, 1), (problem.Line, problem.Column));
        Assert.Contains("«\u202Ff04\u202F» ne diffère que par la casse", problem.Message);
        Assert.Equal(0, await fixture.Db.Observations.CountAsync());
    }

    // A store upgraded from schema v2: its participants have no fold key. The next enrolment file that names them fills
    // it (without an import record, since no enrolment changed), and from then on a lower-cased file is refused.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Enrol_ParticipantsRecordedBeforeV3_GetTheirFoldKeyAtTheirNextFile(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        await fixture.Db.Participants.ExecuteUpdateAsync(s => s.SetProperty(p => p.FoldKey, (string?)null));
        fixture.Db.ChangeTracker.Clear();
        var imports = await fixture.Db.Imports.CountAsync();

        var again = await EnrolAsync(fixture, CohortFixture.Enrolments, "inscriptions.csv");

        Assert.False(again.Written);
        Assert.Equal(imports, await fixture.Db.Imports.CountAsync());
        Assert.Equal(0, await fixture.Db.Participants.CountAsync(p => p.FoldKey == null));
        Assert.False((await EnrolAsync(fixture, CohortFixture.Enrolments.Replace("\nF0", "\nf0"), "minuscules.csv")).Accepted);
    }

    // A store upgraded from schema v2 with an identifier that was written decomposed (NFD): its pseudonym was the HMAC
    // of the decomposed text. The next enrolment file finds it, gives it the pseudonym of the NFC text (audited), and an
    // observation file in either form then matches it — no second participant.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Enrol_DecomposedIdentifierRecordedBeforeV3_PseudonymNormalisedAndAudited(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.EnrolledAsync(provider);
        var decomposed = "E\u0301LO-01";
        var file = $"identifiant;groupe;ecole;date_inscription\n{decomposed};BEN;E01;01/04/2025";
        Assert.True((await EnrolAsync(fixture, file, "nfd.csv")).Written);
        var keys = fixture.Pseudonymiser.Keys(CohortFixture.Territory, decomposed);
        await fixture.Db.Participants.Where(p => p.Pseudonym == keys.Pseudonym)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Pseudonym, keys.LegacyPseudonym!).SetProperty(p => p.FoldKey, (string?)null));
        fixture.Db.ChangeTracker.Clear();
        var participants = await fixture.Db.Participants.CountAsync();

        Assert.True((await EnrolAsync(fixture, file, "nfd.csv")).Accepted);

        Assert.Equal(participants, await fixture.Db.Participants.CountAsync());
        var participant = await fixture.Db.Participants.SingleAsync(p => p.Pseudonym == keys.Pseudonym);
        Assert.Equal(keys.FoldKey, participant.FoldKey);
        var audit = await fixture.Db.AuditEntries.SingleAsync(a => a.Action == TerritoryParticipants.NormalisationAction);
        Assert.Contains(keys.LegacyPseudonym!, audit.Details);
        var observations = $"identifiant;vague;date_collecte;ASSIDUITE\n{decomposed.Normalize()};T1;10/10/2025;90";
        Assert.True((await fixture.ImportObservationsAsync(observations, "T1-nfc.csv")).Written);
    }
}
