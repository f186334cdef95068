using System.Text;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

public class EnrolmentCorrectionTests
{
    // A family was entered in the wrong group and school: the cité sends its corrected enrolment file. The enrolment is
    // corrected in place (intention to treat uses the corrected group), and the audit trail keeps, for that family only,
    // which file and line changed what, from which value to which. The same file again, or a dry run, records nothing.
    [Fact]
    public async Task ImportAsync_CorrectedFile_EachCorrectionAuditedWithPreviousValue()
    {
        await using var fixture = await ImportFixture.CreateAsync("DOS-001", "DOS-002");
        const string corrected = "identifiant;groupe;ecole;date_inscription;FRATRIE\nDOS-001;EAJE;E02;15/04/2025;2\nDOS-002;BEN;E01;15/04/2025;\n";
        async Task<ImportResult> ImportAsync(bool dryRun = false)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(corrected));
            return await fixture.Enrolments().ImportAsync(fixture.Protocol, stream, "inscriptions-corrigees.csv", new ImportOptions("cpo", DryRun: dryRun));
        }

        var dry = await ImportAsync(dryRun: true);
        var first = await ImportAsync();
        var again = await ImportAsync();

        Assert.Equal((0, 1, 1), (dry.Inserted, dry.Updated, dry.Unchanged));
        Assert.Equal((0, 1, 1), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        var entry = Assert.Single(await fixture.Db.AuditEntries.AsNoTracking().Where(a => a.Action == EnrolmentImporter.CorrectionAction).ToListAsync());
        Assert.Equal("cpo", entry.Actor);
        Assert.StartsWith("participant ", entry.Subject);
        Assert.DoesNotContain("DOS-001", entry.Subject + entry.Details); // pseudonymous, as everywhere
        Assert.Equal("inscriptions-corrigees.csv, ligne 2 : groupe à l'inscription BEN → EAJE ; unité de regroupement E01 → E02 ; FRATRIE renseigné : 2", entry.Details);
        var groups = await fixture.Db.Enrolments.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Group!.Code).ToListAsync();
        Assert.Equal(["EAJE", "BEN"], groups);
    }
}
