using ImpactEval.Data.Access;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactEval.Web.Pages;

/// <summary>The base of the application's pages: the caller and the cité of the route, as the authorization layer resolved them.</summary>
public abstract class AppPageModel : PageModel
{
    /// <summary>The cité (and protocol) of the route, checked visible to the caller.</summary>
    public CiteContext Cite => CiteContext.Of(HttpContext);

    /// <summary>The caller.</summary>
    public AccessScope Scope => Cite.Scope;

    /// <summary>Errors of the form just posted, in page order, each tied to the field it is about (empty: no error).</summary>
    public FormErrors Errors { get; } = new();
}
