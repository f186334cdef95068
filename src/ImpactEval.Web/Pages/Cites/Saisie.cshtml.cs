using ImpactEval.Collection.Workbooks;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>The waves of a protocol, each with its data-entry form and its collection workbook.</summary>
[Authorize(Policy = WebPolicies.EnterData)]
public sealed class SaisieModel(ImpactEvalDbContext db) : AppPageModel
{
    /// <summary>One wave with indicators.</summary>
    public sealed record WaveItem(string Code, string Label, int Indicators);

    /// <summary>The waves with indicators, in order.</summary>
    public IReadOnlyList<WaveItem> Waves { get; private set; } = [];

    /// <summary>Reads the waves.</summary>
    public async Task OnGetAsync()
    {
        var protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(Cite.ProtocolCode!, HttpContext.RequestAborted))!.Value.Protocol;
        Waves = [.. protocol.Waves.Select(w => new WaveItem(w.Code, w.Label, CollectionWorkbook.IndicatorsAt(protocol, w).Count)).Where(w => w.Indicators > 0)];
    }
}
