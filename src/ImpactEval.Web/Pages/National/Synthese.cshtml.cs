using ImpactEval.Collection;
using ImpactEval.Analysis.National;
using ImpactEval.Data;
using ImpactEval.Reporting.National;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages.National;

/// <summary>
/// The consolidated national synthesis of a questionnaire campaign (<see cref="ConsolidationService"/>, laid out by
/// <see cref="NationalSynthesisBuilder"/> under statistical secrecy): each question's counts and shares, with downloads.
/// </summary>
[Authorize(Policy = WebPolicies.SeeNational)]
public sealed class SyntheseModel(ImpactEvalDbContext db, LocalClock clock, IOptions<WebOptions> options) : AppPageModel
{
    /// <summary>The campaign's code.</summary>
    [BindProperty(SupportsGet = true)] public string Campagne { get; set; } = "";

    /// <summary>The synthesis, or null when the campaign cannot be consolidated.</summary>
    public NationalSynthesisModel? Synthesis { get; private set; }

    /// <summary>Why there is no synthesis (French).</summary>
    public string? Problem { get; private set; }

    /// <summary>Consolidates and lays out.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!db.Campaigns.Any(c => c.Code == Campagne)) return NotFound();
        var outcome = await new ConsolidationService(db).ConsolidateAsync(Campagne, HttpContext.RequestAborted);
        if (outcome.Results is null)
        {
            Problem = outcome.Message;
            return Page();
        }
        Synthesis = NationalSynthesisBuilder.Build(outcome.Results, clock.Now, options.Value.SuppressionThreshold);
        return Page();
    }
}
