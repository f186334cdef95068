using ImpactEval.Data.Access;
using Microsoft.AspNetCore.Authorization;

namespace ImpactEval.Web.Authorization;

/// <summary>What an endpoint asks of its caller: a permission of <see cref="AccessRoles.Allows"/>, on the cité of the route.</summary>
/// <param name="Permission">The permission; null for "any signed-in account".</param>
public sealed record AccessRequirement(AccessPermission? Permission) : IAuthorizationRequirement;
