using ImpactEval.Collection.Workbooks;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// Downloads the collection workbook of a wave (<see cref="CollectionWorkbook"/>: drop-down lists, range checks, locked
/// headers, French instructions), for the whole wave or for one school and one respondent (query <c>ecole</c>,
/// <c>repondant</c>), with a blank roster: the server knows pseudonyms only, the cité types its identifiers (the
/// command line prints them from the cité's own file: <c>impacteval workbook --roster</c>).
/// </summary>
[Authorize(Policy = WebPolicies.EnterData)]
public sealed class ClasseurModel(ImpactEvalDbContext db) : AppPageModel
{
    /// <summary>The workbook as a file, or 404 for a wave without indicators, an unknown school or respondent.</summary>
    public async Task<IActionResult> OnGetAsync(string vague, string? ecole, string? repondant)
    {
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(Cite.ProtocolCode!, HttpContext.RequestAborted))!.Value.Protocol;
        if (protocol.FindWave(vague) is not { } wave) return NotFound();
        var scope = new WorkbookScope(string.IsNullOrEmpty(ecole) ? null : ecole, string.IsNullOrEmpty(repondant) ? null : repondant);
        var output = new MemoryStream();
        try
        {
            CollectionWorkbook.Write(protocol, wave.Code, scope, [], output);
        }
        catch (ArgumentException)
        {
            return NotFound();
        }
        return File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", CollectionWorkbookSet.FileName(protocol, wave, scope));
    }
}
