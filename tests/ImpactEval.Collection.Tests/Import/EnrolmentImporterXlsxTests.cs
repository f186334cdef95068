using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class EnrolmentImporterXlsxTests
{
    // A cité keeps its enrolment list in Excel: enrolment dates are date serials, yes/no covariates are TRUE/FALSE,
    // the sibling count is a number. The workbook is accepted as the CSV would be.
    [Fact]
    public async Task ImportAsync_EnrolmentWorkbook_EnrolsParticipants()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        var path = new TestWorkbook().Sheet("Inscriptions",
        [
            .. TestWorkbook.Texts(1, "identifiant", "groupe", "ecole", "date_inscription", "PREMIER_ENFANT", "FRATRIE"),
            .. TestWorkbook.Texts(2, "DOS-001", "BEN", "E01"), new TestCell("D2", StoredAs.CustomDate, "45762"),
            new TestCell("E2", StoredAs.Boolean, "1"), new TestCell("F2", StoredAs.Number, "2"),
            .. TestWorkbook.Texts(3, "DOS-002", "Familles non bénéficiaires éloignées de tout mode d'accueil", "École maternelle B"),
            new TestCell("D3", StoredAs.CustomDate, "45763"), new TestCell("E3", StoredAs.Boolean, "0"), new TestCell("F3", StoredAs.Number, "0"),
        ]).Save();
        await using var stream = File.OpenRead(path);

        var result = await fixture.Enrolments().ImportAsync(fixture.Protocol, stream, "inscriptions.xlsx", new ImportOptions("tests"));

        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(2, result.Inserted);
        var enrolled = await fixture.Db.Enrolments.AsNoTracking().OrderBy(e => e.EnrolledOn).Select(e => new { e.EnrolledOn, e.ClusterCode }).ToListAsync();
        // 45762 is 15/04/2025 and 45763 is 16/04/2025 in Excel's 1900 date system.
        Assert.Equal([(new DateOnly(2025, 4, 15), "E01"), (new DateOnly(2025, 4, 16), "E02")], enrolled.Select(e => (e.EnrolledOn, e.ClusterCode)));
    }
}
