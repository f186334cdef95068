using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace ImpactEval.Web.Authorization;

/// <summary>
/// Answers 404 when authorization failed because the resource is not visible to the caller (<see cref="AccessHandler.Hidden"/>),
/// so that another cité's pages cannot be told apart from pages that do not exist; every other outcome is handled as usual
/// (sign-in for an anonymous visitor, 403 for a role without the permission). Addresses that match no endpoint answer
/// 404 (or 405) to everyone, signed in or not.
/// </summary>
public sealed class HiddenAsNotFound : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    /// <inheritdoc />
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // No endpoint matched, or only routing's 405 endpoint (no metadata): the fallback policy still ran, but the answer
        // is the same for everyone — the address does not exist (404) or does not take this method (405).
        if (context.GetEndpoint() is not { Metadata.Count: > 0 }) return next(context);
        if (authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == AccessHandler.Hidden) == true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
