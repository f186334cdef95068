using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.Collection.Workbooks;
using Xunit;

namespace ImpactEval.Collection.Tests.Workbooks;

public class CollectionWorkbookRoundTripTests
{
    internal static readonly string[] Roster = ["DOS-001", "DOS-002", "DOS-003", "DOS-004"];

    /// <summary>What a teacher types or picks in the T1 sheet: cell → value (labels from the drop-downs, numbers, dates).</summary>
    internal static readonly Dictionary<string, object> T1Entries = new()
    {
        ["C2"] = new DateOnly(2025, 10, 8), ["D2"] = "Peu impliqué", ["E2"] = "Très impliqué", ["F2"] = "Plutôt impliqué", ["G2"] = "Très serein",
        ["H2"] = 87.5, ["I2"] = 12, ["J2"] = "Très satisfaite",
        ["C3"] = new DateOnly(2025, 10, 15), ["D3"] = "Pas du tout impliqué", ["H3"] = 100, ["I3"] = 0,
        ["C5"] = new DateOnly(2025, 10, 31), ["G5"] = "Très tendu", ["H5"] = 66.67, ["I5"] = 40,
    };

    /// <summary>What must be stored for <see cref="T1Entries"/>: level values for labels, numbers as typed. DOS-003 was absent: nothing.</summary>
    internal static readonly Dictionary<(string, string, string), (double, DateOnly?)> T1Expected = new()
    {
        [("DOS-001", "T1", "COOP_PROPRETE")] = (2, new DateOnly(2025, 10, 8)),
        [("DOS-001", "T1", "COOP_SEPARATION")] = (4, new DateOnly(2025, 10, 8)),
        [("DOS-001", "T1", "COOP_QUESTIONS")] = (3, new DateOnly(2025, 10, 8)),
        [("DOS-001", "T1", "CLIMAT_RELATION")] = (4, new DateOnly(2025, 10, 8)),
        [("DOS-001", "T1", "ASSIDUITE")] = (87.5, new DateOnly(2025, 10, 8)),
        [("DOS-001", "T1", "NB_SEANCES")] = (12, new DateOnly(2025, 10, 8)),
        [("DOS-001", "T1", "SATISFACTION")] = (4, new DateOnly(2025, 10, 8)),
        [("DOS-002", "T1", "COOP_PROPRETE")] = (1, new DateOnly(2025, 10, 15)),
        [("DOS-002", "T1", "ASSIDUITE")] = (100, new DateOnly(2025, 10, 15)),
        [("DOS-002", "T1", "NB_SEANCES")] = (0, new DateOnly(2025, 10, 15)),
        [("DOS-004", "T1", "CLIMAT_RELATION")] = (1, new DateOnly(2025, 10, 31)),
        [("DOS-004", "T1", "ASSIDUITE")] = (66.67, new DateOnly(2025, 10, 31)),
        [("DOS-004", "T1", "NB_SEANCES")] = (40, new DateOnly(2025, 10, 31)),
    };

    // The full cycle of a wave: the CPO generates the T1 workbook with the enrolled families, teachers fill it in
    // Excel (ratings from the drop-downs, rates and counts typed, dates typed), the CPO imports it as it is. Every
    // stored value is exactly what was filled; the absent family (DOS-003) and the empty cells store nothing.
    [Fact]
    public async Task Write_FilledThenImported_StoresExactlyWhatWasFilled()
    {
        await using var fixture = await ImportFixture.CreateAsync(Roster);
        var path = Path.Combine(TempDirectory.Create(), "collecte-T1.xlsx");
        CollectionWorkbook.WriteFile(fixture.Protocol, "T1", Roster, path);

        WorkbookFiller.Fill(path, "Vague T1", T1Entries);
        var result = await fixture.ImportObservationsAsync(path);

        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal((4, 13, true), (result.Rows, result.Inserted, result.Written));
        Assert.Equal(T1Expected.OrderBy(e => e.Key), (await fixture.ObservationsAsync(Roster)).OrderBy(e => e.Key).Select(e => KeyValuePair.Create(e.Key, (e.Value.Value, e.Value.CollectedOn))));
    }

    // At T2 the yes/no indicator INFORME_ABSENCES is picked as "oui"/"non" from its drop-down and stored as 1/0; a
    // participant added below the roster (typed identifier, wave chosen) is imported like the others.
    [Fact]
    public async Task Write_T2WithYesNoAndAddedParticipant_StoresExactlyWhatWasFilled()
    {
        await using var fixture = await ImportFixture.CreateAsync(Roster);
        var path = Path.Combine(TempDirectory.Create(), "collecte-T2.xlsx");
        CollectionWorkbook.WriteFile(fixture.Protocol, "T2", Roster[..2], path);
        // T2 columns: identifiant, vague, date_collecte, COOP_PROPRETE, COOP_SEPARATION, COOP_QUESTIONS, CLIMAT_RELATION, ASSIDUITE, INFORME_ABSENCES.
        WorkbookFiller.Fill(path, "Vague T2", new Dictionary<string, object>
        {
            ["C2"] = new DateOnly(2026, 6, 12), ["I2"] = "oui",
            ["C3"] = new DateOnly(2026, 6, 1), ["I3"] = "non", ["H3"] = 92.25,
            ["A4"] = "DOS-004", ["B4"] = "T2", ["C4"] = new DateOnly(2026, 6, 26), ["I4"] = "oui", ["D4"] = "Plutôt impliqué",
        });

        var result = await fixture.ImportObservationsAsync(path);

        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems));
        var stored = await fixture.ObservationsAsync(Roster);
        Assert.Equal(5, stored.Count);
        Assert.Equal((1.0, (DateOnly?)new DateOnly(2026, 6, 12)), stored[("DOS-001", "T2", "INFORME_ABSENCES")]);
        Assert.Equal((0.0, (DateOnly?)new DateOnly(2026, 6, 1)), stored[("DOS-002", "T2", "INFORME_ABSENCES")]);
        Assert.Equal((92.25, (DateOnly?)new DateOnly(2026, 6, 1)), stored[("DOS-002", "T2", "ASSIDUITE")]);
        Assert.Equal((1.0, (DateOnly?)new DateOnly(2026, 6, 26)), stored[("DOS-004", "T2", "INFORME_ABSENCES")]);
        Assert.Equal((3.0, (DateOnly?)new DateOnly(2026, 6, 26)), stored[("DOS-004", "T2", "COOP_PROPRETE")]);
    }

    // Importing the same filled workbook twice changes nothing the second time (the import is idempotent).
    [Fact]
    public async Task Write_FilledWorkbookImportedTwice_SecondImportChangesNothing()
    {
        await using var fixture = await ImportFixture.CreateAsync(Roster);
        var path = Path.Combine(TempDirectory.Create(), "collecte-T1.xlsx");
        CollectionWorkbook.WriteFile(fixture.Protocol, "T1", Roster, path);
        WorkbookFiller.Fill(path, "Vague T1", T1Entries);

        await fixture.ImportObservationsAsync(path);
        var again = await fixture.ImportObservationsAsync(path);

        Assert.Equal((0, 0, 13, false), (again.Inserted, again.Updated, again.Unchanged, again.Written));
    }
}
