using ImpactEval.Data.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace ImpactEval.Web.Authorization;

/// <summary>
/// Which scheme authenticates a request: an API request (path under /api, or any request with an Authorization header)
/// goes to the API keys; every other request to the session cookie of ASP.NET Core Identity.
/// </summary>
public static class WebAuthentication
{
    /// <summary>The default scheme: forwards to <see cref="AccessClaims.ApiKeyScheme"/> or Identity's application cookie.</summary>
    public const string Selector = "ImpactEval";

    /// <summary>Whether a request is an API call (answered with problem details, never redirected to the sign-in page).</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Authorization.Count > 0;

    /// <summary>The scheme a request is authenticated with.</summary>
    public static string SchemeFor(HttpContext context) => IsApi(context) ? AccessClaims.ApiKeyScheme : IdentityConstants.ApplicationScheme;
}
