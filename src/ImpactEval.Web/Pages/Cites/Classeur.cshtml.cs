using ImpactEval.Collection.Workbooks;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// Downloads the collection workbook of a wave (<see cref="CollectionWorkbook"/>: drop-down lists, range checks, locked
/// headers, French instructions), with a blank roster: the server knows pseudonyms only, the cité types its identifiers.
/// </summary>
[Authorize(Policy = WebPolicies.EnterData)]
public sealed class ClasseurModel(ImpactEvalDbContext db) : AppPageModel
{
    /// <summary>The workbook as a file, or 404 for a wave without indicators.</summary>
    public async Task<IActionResult> OnGetAsync(string vague)
    {
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(Cite.ProtocolCode!, HttpContext.RequestAborted))!.Value.Protocol;
        if (protocol.FindWave(vague) is not { } wave || CollectionWorkbook.IndicatorsAt(protocol, wave).Count == 0) return NotFound();
        var output = new MemoryStream();
        CollectionWorkbook.Write(protocol, wave.Code, [], output);
        return File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"collecte-{protocol.Id}-{wave.Code}.xlsx");
    }
}
