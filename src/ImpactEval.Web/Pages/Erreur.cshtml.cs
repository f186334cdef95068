using System.Globalization;
using ImpactEval.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactEval.Web.Pages;

/// <summary>
/// The French error page, shown for every error status of a page request (re-executed by the status code pages and the
/// exception handler, so the status of the original request is kept). Reached directly, it answers with the status it names.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    /// <summary>The status code (404 when the address names none between 400 and 599).</summary>
    public int Code => int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? code : 404;

    /// <summary>The French title.</summary>
    public string Title => ErrorMessages.For(Code).Title;

    /// <summary>The French explanation.</summary>
    public string Detail => ErrorMessages.For(Code).Detail;

    /// <summary>Shows the page.</summary>
    public void OnGet() => SetStatus();

    /// <summary>Same as GET, for re-executed POST requests (a refused form, for instance).</summary>
    public void OnPost() => SetStatus();

    private void SetStatus()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted) Response.StatusCode = Code;
    }
}
