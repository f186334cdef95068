using System.Globalization;
using ClosedXML.Excel;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using Xunit;

namespace ImpactEval.Collection.Tests.Workbooks;

/// <summary>
/// Issue 17: the T1 collection of the demo as the schools do it — one workbook per school and respondent, teachers
/// rating their school's families, early-years educators recording the sessions and satisfaction of beneficiary
/// families only — filled with the demo's values and imported back (in any order, some twice), gives exactly the
/// store the demo's single observation file gives.
/// </summary>
public class CollectionWorkbookSetTests
{
    private static readonly string[] TeacherColumns = ["identifiant", "ecole", "vague", "date_collecte", "COOP_PROPRETE", "COOP_SEPARATION", "COOP_QUESTIONS", "CLIMAT_RELATION", "ASSIDUITE"];
    private static readonly string[] EducatorColumns = ["identifiant", "ecole", "vague", "date_collecte", "NB_SEANCES", "SATISFACTION"];

    [Fact]
    public async Task Plan_DemoT1_EightSchoolsTimesTwoRespondentsFilledAndImportedGiveTheDemoData()
    {
        var directory = TempDirectory.Create();
        await using var reference = await ImportFixture.CreateAsync();
        var protocol = reference.Protocol;
        var cohort = PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed, 900);
        var files = CohortFiles.Write(protocol, cohort.Participants, Path.Combine(directory, "demo"));
        var (enrolmentFile, t1File) = (files[0], files[1]);
        await EnrolAsync(reference, enrolmentFile);
        Assert.True((await reference.ImportObservationsAsync(t1File)).Accepted);

        await using var schools = await ImportFixture.CreateAsync();
        await EnrolAsync(schools, enrolmentFile);
        var wave = protocol.FindWave("T1")!;
        var problems = new List<ImportProblem>();
        var roster = await new WorkbookRoster(schools.Db, ImportFixture.Pseudonymiser)
            .LoadAsync(protocol.Id, "T1", RosterFile.Read(enrolmentFile, problems)!, new DateOnly(2026, 12, 1), problems);
        Assert.Empty(problems);
        var plan = CollectionWorkbookSet.Plan(protocol, wave, roster, WorkbookScope.Whole);

        // 8 schools × 2 respondents; teachers list every family of their school, educators the beneficiary families only.
        var groups = cohort.Participants.ToDictionary(p => p.Identifier, p => p.Group);
        Assert.Equal(16, plan.Count);
        var teachers = plan.Where(w => w.Scope.Respondent == "enseignant").ToList();
        var educators = plan.Where(w => w.Scope.Respondent == "éducatrice de jeunes enfants").ToList();
        Assert.Equal(protocol.Cluster!.Units.Select(u => u.Code), teachers.Select(w => w.Scope.School));
        Assert.Equal(protocol.Cluster!.Units.Select(u => u.Code), educators.Select(w => w.Scope.School));
        Assert.Equal(900, teachers.Sum(w => w.Identifiers.Count));
        Assert.All(teachers, w => Assert.All(w.Identifiers, id => Assert.Equal(w.Scope.School, cohort.Participants.Single(p => p.Identifier == id).School)));
        Assert.Equal(groups.Count(g => g.Value == "BEN"), educators.Sum(w => w.Identifiers.Count));
        Assert.All(educators, w => Assert.All(w.Identifiers, id => Assert.Equal("BEN", groups[id])));
        Assert.Contains(plan, w => w.FileName == "collecte-passerelles-T1-E03-enseignant.xlsx");
        Assert.Contains(plan, w => w.FileName == "collecte-passerelles-T1-E03-educatrice-de-jeunes-enfants.xlsx");

        var returnsBefore = await new WorkbookReturns(schools.Db).GetAsync(protocol, wave, new DateOnly(2026, 12, 1));
        Assert.All(returnsBefore, r => Assert.True(r.Missing));

        // Each workbook is written, checked, and filled with the demo's values for its rows and columns.
        var values = ReadObservations(t1File);
        var paths = new List<string>();
        foreach (var planned in plan)
        {
            var path = Path.Combine(directory, planned.FileName);
            CollectionWorkbook.WriteFile(protocol, "T1", planned.Scope, planned.Identifiers, path);
            var (headers, rows, instructions) = Read(path);
            Assert.Equal(planned.Scope.Respondent == "enseignant" ? TeacherColumns : EducatorColumns, headers);
            Assert.Equal(planned.Identifiers, rows.Select(r => r[0]));
            Assert.All(rows, r => Assert.Equal((planned.Scope.School, "T1"), (r[1], r[2])));
            Assert.Contains("evaluation@valbrune.example", instructions);
            Fill(path, protocol, headers, planned.Identifiers, values);
            paths.Add(path);
        }

        var shuffle = new Random(17);
        var order = paths.Concat(paths.Where((_, i) => i % 5 == 0)).OrderBy(_ => shuffle.Next()).ToList();
        foreach (var path in order)
        {
            var result = await schools.ImportObservationsAsync(path);
            Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems.Take(5)));
        }

        var identifiers = cohort.Participants.Select(p => p.Identifier).ToArray();
        var expected = await reference.ObservationsAsync(identifiers);
        Assert.Equal(expected.OrderBy(e => e.Key), (await schools.ObservationsAsync(identifiers)).OrderBy(e => e.Key));

        // Every workbook came back; what is still missing is exactly the due values the demo's file leaves empty.
        var returns = await new WorkbookReturns(schools.Db).GetAsync(protocol, wave, new DateOnly(2026, 12, 1));
        Assert.Equal(plan.Select(w => w.FileName), returns.Select(r => r.FileName));
        Assert.All(returns, r => Assert.False(r.Missing));
        Assert.Equal(expected.Count(e => e.Key.Wave == "T1"), returns.Sum(r => r.Received));
        var beneficiaries = groups.Count(g => g.Value == "BEN");
        Assert.Equal(900 * 5 + beneficiaries * 2, returns.Sum(r => r.Expected));
    }

    // One school's teacher workbook from the command's filters; an unknown school or respondent is refused in French.
    [Fact]
    public void Write_UnknownSchoolOrRespondent_ThrowsFrenchMessage()
    {
        var protocol = ImportFixture.LoadPasserelleS();
        var school = Assert.Throws<ArgumentException>(() => CollectionWorkbook.Write(protocol, "T1", new WorkbookScope("E42", null), [], new MemoryStream()));
        Assert.StartsWith("L'école « E42 » n'existe pas dans le protocole. Écoles : E01, E02", school.Message);
        var respondent = Assert.Throws<ArgumentException>(() => CollectionWorkbook.Write(protocol, "T1", new WorkbookScope(null, "infirmier"), [], new MemoryStream()));
        Assert.StartsWith("Aucun indicateur de la vague T1 n'est renseigné par « infirmier ». Répondants de la vague : enseignant, éducatrice de jeunes enfants.", respondent.Message);
    }

    private static async Task EnrolAsync(ImportFixture fixture, string path)
    {
        await using var stream = File.OpenRead(path);
        var result = await fixture.Enrolments().ImportAsync(fixture.Protocol, stream, Path.GetFileName(path), new ImportOptions("tests"));
        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems.Take(5)));
    }

    /// <summary>The demo's observation file: identifier → column → cell text (date_collecte and every indicator).</summary>
    private static Dictionary<string, Dictionary<string, string>> ReadObservations(string path)
    {
        var lines = File.ReadAllLines(path);
        var headers = lines[0].TrimStart('\uFEFF').Split(';');
        return lines.Skip(1).Select(l => l.Split(';')).ToDictionary(c => c[0], c => headers.Zip(c).ToDictionary(p => p.First, p => p.Second));
    }

    private static (string[] Headers, List<string[]> Rows, string Instructions) Read(string path)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(1);
        var width = sheet.Row(1).LastCellUsed()!.Address.ColumnNumber;
        var headers = Enumerable.Range(1, width).Select(c => sheet.Cell(1, c).GetString()).ToArray();
        var rows = sheet.RowsUsed().Skip(1).Select(r => Enumerable.Range(1, width).Select(c => r.Cell(c).GetString()).ToArray()).ToList();
        var instructions = string.Join("\n", workbook.Worksheet(CollectionWorkbook.InstructionsSheetName).CellsUsed().Select(c => c.GetString()));
        return (headers, rows, instructions);
    }

    /// <summary>Types the demo's values in a workbook the way a respondent does: a date, the label of a level from the drop-down, a number.</summary>
    private static void Fill(string path, Protocol protocol, string[] headers, IReadOnlyList<string> identifiers, Dictionary<string, Dictionary<string, string>> values)
    {
        var cells = new Dictionary<string, object>();
        for (var r = 0; r < identifiers.Count; r++)
        {
            if (!values.TryGetValue(identifiers[r], out var demo)) continue; // not collected at T1 in the demo
            for (var c = 3; c < headers.Length; c++)
            {
                var text = demo[headers[c]];
                if (text.Length == 0) continue;
                var reference = XLHelper.GetColumnLetterFromNumber(c + 1) + (r + 2).ToString(CultureInfo.InvariantCulture);
                if (headers[c] == "date_collecte") cells[reference] = FrenchDate.TryParse(text, out var date) ? date : throw new FormatException(text);
                else
                {
                    var scale = protocol.FindIndicator(headers[c])!.Scale;
                    var number = double.Parse(text.Replace(',', '.'), CultureInfo.InvariantCulture);
                    cells[reference] = scale.IsLabelled ? scale.EffectiveLevels.Single(l => l.Value == number).Label : number;
                }
            }
        }
        WorkbookFiller.Fill(path, "Vague T1", cells);
    }
}
