using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using ImpactEval.Data.Entities;

namespace ImpactEval.Data.Access;

/// <summary>An <see cref="AccessScope"/> carried as the claims of the request's user, and back.</summary>
public static class AccessClaims
{
    /// <summary>The authentication scheme of API keys (registered by the worker; the web application forwards Bearer requests to it).</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The claim holding one territory the account may see (its surrogate key).</summary>
    public const string Territory = "impacteval:territory";

    /// <summary>The claim holding how the account came in (<see cref="AccessScope.Api"/> or <see cref="AccessScope.Web"/>).</summary>
    public const string Channel = "impacteval:channel";

    /// <summary>The principal of an authenticated account: its name, its role (the <see cref="AccessRole"/> name) and its territories.</summary>
    /// <param name="scope">The account.</param>
    /// <param name="scheme">The authentication scheme.</param>
    public static ClaimsPrincipal Principal(AccessScope scope, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, scope.Name), new(ClaimTypes.Role, scope.Role.ToString()), new(Channel, scope.Channel) };
        claims.AddRange(scope.TerritoryIds.Select(id => new Claim(Territory, id.ToString(CultureInfo.InvariantCulture))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The account of an authenticated request.</summary>
    /// <exception cref="InvalidOperationException">The request is not authenticated (an endpoint left open by mistake).</exception>
    public static AccessScope Scope(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ClaimTypes.Name);
        if (user.Identity?.IsAuthenticated != true || name is null || !Enum.TryParse<AccessRole>(user.FindFirstValue(ClaimTypes.Role), out var role))
            throw new InvalidOperationException("The request carries no account: the endpoint must require authorization.");
        return new AccessScope(name, role, [.. user.FindAll(Territory).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture))],
            user.FindFirstValue(Channel) ?? AccessScope.Api);
    }

    /// <summary>The French name of the role of an authenticated user, or null.</summary>
    public static string? RoleName(ClaimsPrincipal user) =>
        Enum.TryParse<AccessRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? AccessRoles.Name(role) : null;
}
