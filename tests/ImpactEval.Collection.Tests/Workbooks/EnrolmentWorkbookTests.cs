using System.Globalization;
using ClosedXML.Excel;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Collection.Tests.Support;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Core.Model;
using ImpactEval.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Workbooks;

/// <summary>
/// Issue 17: the enrolment template. A CPO learns the enrolment columns from the template, not from an error message:
/// the template has the importer's columns with drop-downs of the groups, schools and covariate levels; filled the way
/// a CPO does (labels picked, dates and numbers typed), saved by LibreOffice, it enrols exactly what the demo's
/// enrolment file enrols.
/// </summary>
public class EnrolmentWorkbookTests
{
    private static readonly string[] Columns =
        ["identifiant", "groupe", "ecole", "date_inscription", "motif", "AGE_MOIS", "PREMIER_ENFANT", "FRANCAIS_MAISON", "LOGEMENT_PRECAIRE", "FRATRIE"];

    [Fact]
    public void Write_PasserelleS_ImporterColumnsWithDropDownsAndIdentifierRules()
    {
        var protocol = ImportFixture.LoadPasserelleS();
        var path = Path.Combine(TempDirectory.Create(), "modele-inscription.xlsx");
        EnrolmentWorkbook.WriteFile(protocol, path);

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(1);
        Assert.Equal(EnrolmentWorkbook.SheetName, sheet.Name);
        Assert.Equal(Columns, Enumerable.Range(1, Columns.Length).Select(c => sheet.Cell(1, c).GetString()));
        var rules = sheet.DataValidations.Where(v => v.Ranges.Single().RangeAddress.FirstAddress.RowNumber == 2).ToDictionary(v => v.Ranges.Single().RangeAddress.FirstAddress.ColumnNumber, v => v.AllowedValues);
        Assert.Equal((XLAllowedValues.List, XLAllowedValues.List, XLAllowedValues.Date, XLAllowedValues.Decimal), (rules[2], rules[3], rules[4], rules[6]));
        var lists = workbook.Worksheet(WorkbookLists.SheetName);
        var items = lists.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.All(protocol.Groups, g => Assert.Contains(g.Label, items));
        Assert.All(protocol.Cluster!.Units, u => Assert.Contains(u.Label, items));
        var instructions = string.Join("\n", workbook.Worksheet(CollectionWorkbook.InstructionsSheetName).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("Règles de l'identifiant", instructions);
        Assert.Contains("jamais un nom", instructions);
        Assert.Contains("evaluation@valbrune.example", instructions);
    }

    [Fact]
    public async Task Write_FilledSavedByLibreOfficeAndEnrolled_StoresWhatTheDemoEnrolmentFileStores()
    {
        var directory = TempDirectory.Create();
        var protocol = ImportFixture.LoadPasserelleS();
        var cohort = PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed, 60);
        var csv = CohortFiles.Write(protocol, cohort.Participants, Path.Combine(directory, "demo"))[0];
        await using var reference = await ImportFixture.CreateAsync();
        Assert.True((await Enrol(reference, csv)).Accepted);

        var path = Path.Combine(directory, "inscriptions.xlsx");
        EnrolmentWorkbook.WriteFile(protocol, path);
        var cells = new Dictionary<string, object>();
        for (var r = 0; r < cohort.Participants.Length; r++)
        {
            var p = cohort.Participants[r];
            var row = (r + 2).ToString(CultureInfo.InvariantCulture);
            cells["A" + row] = p.Identifier;
            cells["B" + row] = protocol.FindGroup(p.Group)!.Label;
            cells["C" + row] = protocol.Cluster!.Units.Single(u => u.Code == p.School).Label;
            cells["D" + row] = p.EnrolledOn;
            for (var c = 0; c < protocol.Covariates.Length; c++)
            {
                var covariate = protocol.Covariates[c];
                if (!p.Baseline.TryGetValue(covariate.Code, out var value)) continue;
                cells[XLHelper.GetColumnLetterFromNumber(6 + c) + row] = covariate.Scale.IsLabelled ? covariate.Scale.EffectiveLevels.Single(l => l.Value == value).Label : value;
            }
        }
        WorkbookFiller.Fill(path, EnrolmentWorkbook.SheetName, cells);
        var saved = LibreOffice.Convert(path, "xlsx:Calc MS Excel 2007 XML", "xlsx", Path.Combine(directory, "libreoffice"));

        await using var filled = await ImportFixture.CreateAsync();
        var result = await Enrol(filled, saved);
        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems.Take(5)));
        Assert.Equal(60, result.Inserted);
        Assert.Equal(await EnrolmentsAsync(reference.Db), await EnrolmentsAsync(filled.Db));
        var again = await Enrol(filled, saved);
        Assert.Equal((0, false), (again.Inserted, again.Written));
    }

    private static async Task<ImportResult> Enrol(ImportFixture fixture, string path)
    {
        await using var stream = File.OpenRead(path);
        return await fixture.Enrolments().ImportAsync(fixture.Protocol, stream, Path.GetFileName(path), new ImportOptions("tests"));
    }

    /// <summary>Every enrolment as one comparable line: pseudonym, group, school, date and baseline values.</summary>
    private static async Task<List<string>> EnrolmentsAsync(ImpactEvalDbContext db) =>
        [.. (await db.Enrolments.AsNoTracking().Include(e => e.Participant).Include(e => e.Group).Include(e => e.Baseline).ToListAsync())
            .Select(e => $"{e.Participant!.Pseudonym} {e.Group!.Code} {e.ClusterCode} {e.EnrolledOn:yyyy-MM-dd} "
                + string.Join(",", e.Baseline.OrderBy(b => b.CovariateCode, StringComparer.Ordinal).Select(b => $"{b.CovariateCode}={b.Value.ToString("R", CultureInfo.InvariantCulture)}")))
            .Order(StringComparer.Ordinal)];
}
