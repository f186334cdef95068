using System.Security.Claims;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Accounts;

/// <summary>
/// The principal of a signed-in user: Identity's user id and security stamp (so that a disabled account or a changed
/// role ends its sessions), plus the same access claims as an API key (<see cref="AccessClaims.Principal"/>: name, role,
/// territories, channel "web"), so that one authorization layer serves both.
/// </summary>
public sealed class UserPrincipalFactory(ImpactEvalDbContext db, IOptions<IdentityOptions> options) : IUserClaimsPrincipalFactory<User>
{
    /// <inheritdoc />
    public async Task<ClaimsPrincipal> CreateAsync(User user)
    {
        var territories = await db.UserTerritories.AsNoTracking().Where(t => t.UserId == user.Id).Select(t => t.TerritoryId).OrderBy(t => t).ToListAsync();
        var scope = new AccessScope(user.UserName!, user.Role, [.. territories], AccessScope.Web);
        var principal = AccessClaims.Principal(scope, IdentityConstants.ApplicationScheme);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(options.Value.ClaimsIdentity.UserIdClaimType, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.SecurityStamp is { } stamp) identity.AddClaim(new Claim(options.Value.ClaimsIdentity.SecurityStampClaimType, stamp));
        return principal;
    }
}
