using Microsoft.AspNetCore.Http;

namespace ImpactEval.Web.Security;

/// <summary>
/// Adds the security headers to every response of the host (pages, API, errors, static files): a Content-Security-Policy
/// without inline script or style and with <c>frame-ancestors 'none'</c>, <c>X-Content-Type-Options: nosniff</c>,
/// <c>Referrer-Policy: no-referrer</c>, and <c>Cache-Control: no-store</c> on everything but the application's own static
/// files (every page and API answer may hold data of a cité).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The Content-Security-Policy of every response.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The path under which the application's static files are served.</summary>
    public const string StaticPath = "/ressources";

    /// <summary>Sets the headers when the response starts, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            var isStatic = context.Request.Path.StartsWithSegments(StaticPath) && context.Response.StatusCode == StatusCodes.Status200OK;
            headers.CacheControl = isStatic ? "public, max-age=3600" : "no-store";
            if (!isStatic) headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
