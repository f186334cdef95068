using ImpactEval.Data;
using ImpactEval.Data.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Authorization;

/// <summary>
/// The one place where roles × territories are enforced for the web application and the API: the caller's role must
/// allow the endpoint's permission (<see cref="AccessRoles.Allows"/>), and the cité <c>{cite}</c> and protocol
/// <c>{protocole}</c> of the route must exist, belong together and be visible to the caller. Anything not visible
/// fails with <see cref="Hidden"/>, which <see cref="HiddenAsNotFound"/> answers 404 — exactly like a cité that does not
/// exist. A role that lacks the permission gets 403.
/// </summary>
public sealed class AccessHandler(ImpactEvalDbContext db) : AuthorizationHandler<AccessRequirement>
{
    /// <summary>The failure reason of a resource the caller may not see.</summary>
    public const string Hidden = "hidden";

    /// <summary>The route value of the cité's code.</summary>
    public const string CiteRouteValue = "cite";

    /// <summary>The route value of the protocol's identifier.</summary>
    public const string ProtocolRouteValue = "protocole";

    /// <inheritdoc />
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.Resource is not HttpContext http) return;
        AccessScope scope;
        try { scope = AccessClaims.Scope(context.User); }
        catch (InvalidOperationException) { return; }

        var cite = await ResolveAsync(http, scope);
        if (cite is null)
        {
            context.Fail(new AuthorizationFailureReason(this, Hidden));
            return;
        }
        if (requirement.Permission is { } permission && !scope.Allows(permission))
        {
            context.Fail(new AuthorizationFailureReason(this, $"Le rôle « {AccessRoles.Name(scope.Role)} » ne donne pas accès à cette page."));
            return;
        }
        CiteContext.Store(http, cite);
        context.Succeed(requirement);
    }

    /// <summary>The cité and protocol of the route if the caller may see them, a context without cité when the route names none, null otherwise.</summary>
    private async Task<CiteContext?> ResolveAsync(HttpContext http, AccessScope scope)
    {
        var citeCode = http.GetRouteValue(CiteRouteValue) as string;
        var protocolCode = http.GetRouteValue(ProtocolRouteValue) as string;
        if (citeCode is null && protocolCode is null) return new CiteContext(scope, null, null, null, null, null);
        if (citeCode is null) return null;
        var territory = await db.Territories.AsNoTracking().Where(t => t.Code == citeCode).Select(t => new { t.Id, t.Code, t.Name }).SingleOrDefaultAsync(http.RequestAborted);
        if (territory is null || !scope.Sees(territory.Id)) return null;
        if (protocolCode is null) return new CiteContext(scope, territory.Id, territory.Code, territory.Name, null, null);
        var protocol = await db.Protocols.AsNoTracking().Where(p => p.Code == protocolCode && p.TerritoryId == territory.Id).Select(p => (int?)p.Id)
            .SingleOrDefaultAsync(http.RequestAborted);
        return protocol is null ? null : new CiteContext(scope, territory.Id, territory.Code, territory.Name, protocol, protocolCode);
    }
}
