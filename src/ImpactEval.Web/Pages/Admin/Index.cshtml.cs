using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace ImpactEval.Web.Pages.Admin;

/// <summary>The administration's home.</summary>
[Authorize(Policy = WebPolicies.Administer)]
public sealed class AdminModel : AppPageModel
{
    /// <summary>Shows the links.</summary>
    public void OnGet()
    {
    }
}
