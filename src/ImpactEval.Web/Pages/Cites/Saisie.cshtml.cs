using ImpactEval.Collection;
using ImpactEval.Collection.Cohorts;
using ImpactEval.Collection.Workbooks;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// The waves of a protocol, each with its data-entry form and its collection workbook, and which workbooks of each
/// wave came back (<see cref="WorkbookReturns"/>: per school and respondent, values received over values owed).
/// </summary>
[Authorize(Policy = WebPolicies.EnterData)]
public sealed class SaisieModel(ImpactEvalDbContext db, LocalClock clock) : AppPageModel
{
    /// <summary>One wave with indicators, and the returns of its workbooks.</summary>
    public sealed record WaveItem(string Code, string Label, int Indicators, IReadOnlyList<WorkbookReturn> Returns);

    /// <summary>The waves with indicators, in order.</summary>
    public IReadOnlyList<WaveItem> Waves { get; private set; } = [];

    /// <summary>Reads the waves and the returns of their workbooks.</summary>
    public async Task OnGetAsync()
    {
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(Cite.ProtocolCode!, HttpContext.RequestAborted))!.Value.Protocol;
        var returns = new WorkbookReturns(db);
        var status = (await new CohortStatusService(db).GetAsync(protocol.Id, clock.Today, HttpContext.RequestAborted))!;
        var waves = new List<WaveItem>();
        foreach (var wave in protocol.Waves.Where(w => CollectionWorkbook.IndicatorsAt(protocol, w).Count > 0))
            waves.Add(new WaveItem(wave.Code, wave.Label, CollectionWorkbook.IndicatorsAt(protocol, wave).Count,
                await returns.GetAsync(protocol, wave, status, HttpContext.RequestAborted)));
        Waves = waves;
    }
}
